#pragma once

#include "../core/catalogue.h"
#include "loaderror.h"

#include "model/core/json.h"

#include <optional>
#include <string>

namespace heiiki::model::io {

/// What checkValue() asks about the ids a value refers to.
struct RefResolver
{
    virtual ~RefResolver() = default;
    virtual std::optional<ElementKind> elementKind(const std::string &id) const = 0;
    virtual std::optional<LinkKind> linkKind(const std::string &id) const = 0;
    virtual bool isPolicy(const std::string &id) const = 0;
};

/// Checks one property value against its spec; appends errors at \a pointer. The design
/// reader checks every property with it; the inspector refuses bad input with it. Without
/// \a refs, references are checked for their form only.
void checkValue(const PropertySpec &spec, const heiiki::Json &value, const std::string &pointer,
                const RefResolver *refs, LoadErrors &errors);

} // namespace heiiki::model::io
