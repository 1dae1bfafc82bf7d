// Editor support in a site: the JSON Schemas under .clerk/schemas/ and a
// .vscode/settings.json that maps each to its files, so yaml-language-server
// (VS Code, Neovim and others) completes and checks content as it is typed.
#pragma once

#include <filesystem>
#include <string>

namespace clerk::schema {

// The folder of the schemas inside a site.
inline constexpr const char* kSiteSchemaDir = ".clerk/schemas";

// Writes the schemas into <site>/.clerk/schemas/ and adds their mapping
// ("yaml.schemas") to <site>/.vscode/settings.json, keeping every other
// setting of an existing file. A settings file that is not plain JSON (VS
// Code allows comments) is left as it is and reported, with what to add.
// False, with *error in plain words, when something cannot be written.
bool WriteEditorSupport(const std::filesystem::path& site, std::string* error);

}  // namespace clerk::schema
