// A picture written with a relative address in a paper
// (`![Map](./site%20map.png)`): the file name it means, and what is wrong
// with it when it is not one of the pictures beside the paper.
#pragma once

#include <string>
#include <string_view>

namespace clerk {

// The file the address names, as the file system spells it: the query and
// fragment dropped, "." segments and doubled slashes taken out
// ("./img//a.png" -> "img/a.png"), and %XX escapes decoded ("site%20map.png"
// -> "site map.png"), as a browser would before asking for the file. An
// escape that would decode to a control character or a '/' is kept as
// written, so the name never holds bytes a message cannot show.
std::string PictureFileName(std::string_view address);

// The picture types a meeting folder may hold: .png .jpg .jpeg .gif .svg
// .webp, in any case (as the loader collects them).
bool HasPictureExtension(std::string_view name);

// Why `name` (from PictureFileName) cannot be a picture beside the paper,
// or "" when it could be (then it is simply missing): it is not a picture
// type, or it sits in a subfolder. A name that climbs out ("../x.png") gets
// "": the plain "not found" says where the file belongs.
std::string PictureNameProblem(const std::string& name, const std::string& written);

}  // namespace clerk
