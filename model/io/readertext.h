#pragma once

#include "model/core/json.h"

#include <string>
#include <vector>

/// Pieces of the loader's messages, shared by the design reader and the value check.
namespace heiiki::model::io::text {

/// "a string", "an array": what kind of JSON value \a v is, for "must be …, not …".
std::string typeName(const heiiki::Json &v);
/// "a VPC", "an EC2 instance": the indefinite article for a label.
std::string article(const std::string &label);
std::string inQuotes(const std::string &s);
/// The items, comma-separated.
std::string join(const std::vector<std::string> &items);
/// Whether \a d is a DNS name, or a wildcard one ("*.example.com", ".example.com").
bool isDomain(const std::string &d);

} // namespace heiiki::model::io::text
