#include "propertyeditorfactory.h"

#include "boolpropertyeditor.h"
#include "choicepropertyeditor.h"
#include "listpropertyeditor.h"
#include "numberpropertyeditor.h"
#include "reflistpropertyeditor.h"
#include "tablepropertyeditor.h"
#include "textpropertyeditor.h"

namespace heiiki::ui {

using model::PropertyType;

PropertyEditor *createPropertyEditor(const model::PropertySpec &spec, QWidget *parent)
{
    switch (spec.type) {
    case PropertyType::Bool:
        return new BoolPropertyEditor(spec, parent);
    case PropertyType::Int:
    case PropertyType::Number:
        return new NumberPropertyEditor(spec, parent);
    case PropertyType::Enum:
    case PropertyType::Region:
    case PropertyType::AccountId:
    case PropertyType::Ref:
        return new ChoicePropertyEditor(spec, parent);
    case PropertyType::CidrList:
    case PropertyType::StringList:
    case PropertyType::DomainList:
        return new ListPropertyEditor(spec, false, parent);
    case PropertyType::RefList:
        return new RefListPropertyEditor(spec, parent);
    case PropertyType::Table:
        return new TablePropertyEditor(spec, parent);
    case PropertyType::String:
    case PropertyType::Cidr:
    case PropertyType::Address:
    case PropertyType::RouteDestination:
        break;
    }
    return new TextPropertyEditor(spec, parent);
}

} // namespace heiiki::ui
