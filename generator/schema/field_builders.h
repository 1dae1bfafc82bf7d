// Short ways to write a field in a table (schema/*_tables.cpp), so each table
// reads as a list of keys with their types and tooltips.
#pragma once

#include <string>
#include <vector>

#include "schema/field_table.h"

namespace clerk::schema::build {

inline Field Scalar(std::string key, FieldType type, std::string description) {
  Field f;
  f.key = std::move(key);
  f.type = type;
  f.description = std::move(description);
  return f;
}
inline Field Text(std::string key, std::string description) {
  return Scalar(std::move(key), FieldType::kText, std::move(description));
}
inline Field Date(std::string key, std::string description) {
  return Scalar(std::move(key), FieldType::kDate, std::move(description));
}
inline Field Time(std::string key, std::string description) {
  return Scalar(std::move(key), FieldType::kTime, std::move(description));
}
inline Field Bool(std::string key, std::string description) {
  return Scalar(std::move(key), FieldType::kBool, std::move(description));
}
inline Field Int(std::string key, std::string description) {
  return Scalar(std::move(key), FieldType::kInt, std::move(description));
}
inline Field Id(std::string key, std::string refers_to, std::string description) {
  Field f = Scalar(std::move(key), FieldType::kId, std::move(description));
  f.refers_to = std::move(refers_to);
  return f;
}
inline Field Choice(std::string key, std::vector<std::string> choices,
                    std::string description) {
  Field f = Scalar(std::move(key), FieldType::kChoice, std::move(description));
  f.choices = std::move(choices);
  return f;
}
inline Field Record(std::string key, TableRef table, std::string description) {
  Field f = Scalar(std::move(key), FieldType::kRecord, std::move(description));
  f.record = table;
  return f;
}
// A list of scalars of `item` type.
inline Field List(std::string key, FieldType item, std::string description) {
  Field f = Scalar(std::move(key), FieldType::kList, std::move(description));
  f.item = item;
  return f;
}
inline Field IdList(std::string key, std::string refers_to, std::string description) {
  Field f = List(std::move(key), FieldType::kId, std::move(description));
  f.refers_to = std::move(refers_to);
  return f;
}
inline Field RecordList(std::string key, TableRef table, std::string description) {
  Field f = List(std::move(key), FieldType::kRecord, std::move(description));
  f.record = table;
  return f;
}
// A list whose entries are each an id or a record of `table`.
inline Field IdOrRecordList(std::string key, std::string refers_to, TableRef table,
                            std::string description) {
  Field f = IdList(std::move(key), std::move(refers_to), std::move(description));
  f.record = table;
  return f;
}
inline Field Map(std::string key, FieldType item, std::string description) {
  Field f = Scalar(std::move(key), FieldType::kMap, std::move(description));
  f.item = item;
  return f;
}

inline Field Required(Field f) {
  f.required = true;
  return f;
}
// One value written without a list is read as a list of one.
inline Field OneOrMore(Field f) {
  f.single_ok = true;
  return f;
}

}  // namespace clerk::schema::build
