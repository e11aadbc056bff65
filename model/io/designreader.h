#pragma once

#include "../core/design.h"
#include "loaderror.h"

#include <nlohmann/json.hpp>

#include <optional>

namespace heiiki::model::io {

/// The outcome of reading a design: either a design and no errors, or errors and no design.
/// A design is never half-read.
struct ReadResult
{
    std::optional<Design> design;
    LoadErrors errors;
};

/// Reads a design from a parsed, migrated JSON document, checking everything the format
/// promises: members and their types, ids, kinds, containment, references, CIDRs, regions.
ReadResult readDesign(const nlohmann::json &document);

/// Checks one property value against its spec; appends errors at \a pointer. Also used by
/// the inspector to refuse bad input.
struct RefResolver
{
    virtual ~RefResolver() = default;
    virtual std::optional<ElementKind> elementKind(const std::string &id) const = 0;
    virtual std::optional<LinkKind> linkKind(const std::string &id) const = 0;
    virtual bool isPolicy(const std::string &id) const = 0;
};
void checkValue(const PropertySpec &spec, const nlohmann::json &value, const std::string &pointer,
                const RefResolver *refs, LoadErrors &errors);

} // namespace heiiki::model::io
