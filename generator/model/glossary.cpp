#include "model/glossary.h"

namespace clerk {

GlossarySense MeaningAt(const GlossaryTerm& term, const GlossaryPlace& place) {
  if (term.meanings.empty()) return {true, &term.expansion, &term.plain};
  auto sense = [](const GlossaryMeaning& m) {
    return GlossarySense{true, &m.expansion, &m.plain};
  };
  if (place.choices) {
    for (const GlossaryChoice& choice : *place.choices) {
      if (choice.term != term.term) continue;
      for (const GlossaryMeaning& m : term.meanings)
        if (m.expansion == choice.expansion) return sense(m);
    }
  }
  const GlossaryMeaning* everywhere = nullptr;
  for (const GlossaryMeaning& m : term.meanings) {
    if (m.committees.empty()) everywhere = &m;
    if (place.committee.empty()) continue;
    for (const Ref& c : m.committees)
      if (c.id == place.committee) return sense(m);
  }
  if (everywhere) return sense(*everywhere);
  return {};
}

GlossaryPlace PlaceOf(const Meeting& meeting, const Document* doc) {
  return {meeting.committee.id, doc ? &doc->glossary : nullptr};
}

void AddGlossary(Hasher& h, const Site& site) {
  h.Add("glossary");
  for (const auto& [key, t] : site.glossary) {
    h.Add(key).Add(t.expansion).Add(t.plain).Add(t.name ? "name" : "term");
    h.Add(std::to_string(t.meanings.size()));
    for (const GlossaryMeaning& m : t.meanings) {
      h.Add(m.expansion).Add(m.plain).Add(std::to_string(m.committees.size()));
      for (const Ref& c : m.committees) h.Add(c.id);
    }
  }
  h.Add("ignore");
  for (const GlossaryPattern& p : site.glossary_ignore) h.Add(p.pattern);
  h.Add("choices");
  for (const auto& [key, doc] : site.documents) {
    if (doc.glossary.empty()) continue;
    h.Add(key);
    for (const GlossaryChoice& c : doc.glossary) h.Add(c.term).Add(c.expansion);
  }
}

}  // namespace clerk
