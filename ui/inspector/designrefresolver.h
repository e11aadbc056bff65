#pragma once

#include "model/io/designreader.h"

#include <QString>

namespace heiiki::ui {

/// Answers checkValue()'s questions about ids from a design, so that the inspector refuses
/// references to objects that do not exist or are of a kind the property cannot name.
class DesignRefResolver : public model::io::RefResolver
{
public:
    /// \a design must outlive the resolver.
    explicit DesignRefResolver(const model::Design &design)
        : m_design(design)
    {}

    std::optional<model::ElementKind> elementKind(const std::string &id) const override;
    std::optional<model::LinkKind> linkKind(const std::string &id) const override;
    bool isPolicy(const std::string &id) const override;

private:
    const model::Design &m_design;
};

/// Checks \a value against \a spec with model::io::checkValue; returns why it is refused, or
/// an empty string when it is accepted. A null value (unset: the default applies) is always
/// accepted.
QString refusalFor(const model::Design &design,
                   const model::PropertySpec &spec,
                   const heiiki::Json &value);

} // namespace heiiki::ui
