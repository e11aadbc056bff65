#pragma once

#include "model/core/catalogue.h"

class QWidget;

namespace heiiki::ui {

class PropertyEditor;

/// The editor for a property of \a spec's type: a text field (String, Cidr, Address,
/// RouteDestination), a check box (Bool), a spin box (Int, Number), a combo box (Enum,
/// Region, AccountId, Ref), an editable list (CidrList, StringList, DomainList), a check list
/// (RefList) or a table (Table). The caller owns it through \a parent.
PropertyEditor *createPropertyEditor(const model::PropertySpec &spec, QWidget *parent);

} // namespace heiiki::ui
