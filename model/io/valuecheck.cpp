#include "valuecheck.h"

#include "../core/cidr.h"
#include "../core/regions.h"
#include "jsonlocator.h"
#include "readertext.h"

#include <algorithm>
#include <climits>

namespace heiiki::model::io {

using json = heiiki::Json;
using namespace text;

void checkValue(const PropertySpec &spec, const json &value, const std::string &pointer,
                const RefResolver *refs, LoadErrors &errors)
{
    auto fail = [&](std::string message) { errors.push_back({pointer, std::move(message)}); };
    auto wrongType = [&](const char *expected) {
        fail(std::string("must be ") + expected + ", not " + typeName(value));
    };
    auto checkString = [&](const json &v, const std::string &p, PropertyType type) {
        if (!v.is_string()) {
            errors.push_back({p, "must be a string, not " + typeName(v)});
            return;
        }
        const std::string s = v.get<std::string>();
        std::string why;
        switch (type) {
        case PropertyType::Cidr:
            if (!Cidr::parse(s, &why))
                errors.push_back({p, "invalid CIDR " + inQuotes(s) + ": " + why});
            break;
        case PropertyType::Address:
            if (!Cidr::parseAddress(s))
                errors.push_back({p, inQuotes(s) + " is not an IP address"});
            break;
        case PropertyType::RouteDestination:
            if (s.rfind("pl-", 0) == 0) {
                if (s.size() < 4)
                    errors.push_back({p, "a prefix list id needs a name after \"pl-\""});
            } else if (!Cidr::parse(s, &why)) {
                errors.push_back({p, "invalid route destination " + inQuotes(s) + ": " + why
                                         + " (or name a prefix list \"pl-…\")"});
            }
            break;
        case PropertyType::Region:
            if (!findRegion(s))
                errors.push_back({p, "unknown region code " + inQuotes(s)});
            break;
        case PropertyType::AccountId:
            if (!isAccountId(s))
                errors.push_back({p, inQuotes(s) + " is not an account id (12 digits)"});
            break;
        case PropertyType::Enum:
            if (std::find(spec.enumValues.begin(), spec.enumValues.end(), s)
                == spec.enumValues.end())
                errors.push_back({p, inQuotes(s) + " is not one of " + join(spec.enumValues)});
            break;
        case PropertyType::DomainList:
            if (!isDomain(s))
                errors.push_back({p, inQuotes(s) + " is not a DNS name"});
            break;
        case PropertyType::Ref:
        case PropertyType::RefList: {
            if (!refs)
                break;
            if (auto kind = refs->elementKind(s)) {
                if (std::find(spec.refKinds.begin(), spec.refKinds.end(), *kind)
                    == spec.refKinds.end())
                    errors.push_back({p, inQuotes(s) + " is "
                                             + article(Catalogue::instance().info(*kind).label)
                                             + ", which " + inQuotes(spec.name)
                                             + " cannot name"});
            } else if (auto link = refs->linkKind(s)) {
                if (std::find(spec.refLinkKinds.begin(), spec.refLinkKinds.end(), *link)
                    == spec.refLinkKinds.end())
                    errors.push_back({p, inQuotes(s) + " is "
                                             + article(Catalogue::instance().info(*link).label)
                                             + ", which " + inQuotes(spec.name)
                                             + " cannot name"});
            } else if (!(spec.refPolicy && refs->isPolicy(s))) {
                errors.push_back({p, "dangling reference: " + inQuotes(s)
                                         + " is not in this design"});
            }
            break;
        }
        default:
            break;
        }
    };

    switch (spec.type) {
    case PropertyType::String:
        if (!value.is_string())
            wrongType("a string");
        break;
    case PropertyType::Bool:
        if (!value.is_boolean())
            wrongType("true or false");
        break;
    case PropertyType::Int:
        if (!value.is_number_integer()) {
            wrongType("a whole number");
        } else if (spec.minimum || spec.maximum) {
            // Unsigned values past the signed range are out of every range here.
            const bool huge = value.is_number_unsigned()
                              && value.get<unsigned long long>()
                                     > static_cast<unsigned long long>(LLONG_MAX);
            const long long n = huge ? LLONG_MAX : value.get<long long>();
            const bool inRanges
                = spec.ranges.empty()
                  || std::any_of(spec.ranges.begin(), spec.ranges.end(),
                                 [n](const auto &r) { return r.first <= n && n <= r.second; });
            if ((spec.minimum && n < *spec.minimum) || (spec.maximum && n > *spec.maximum)
                || !inRanges) {
                std::string range;
                for (const auto &[low, high] : spec.ranges)
                    range += (range.empty() ? "" : " or ") + std::to_string(low) + " to "
                             + std::to_string(high);
                if (range.empty())
                    range = spec.minimum && spec.maximum ? std::to_string(*spec.minimum) + " to "
                                                               + std::to_string(*spec.maximum)
                            : spec.minimum ? "at least " + std::to_string(*spec.minimum)
                                           : "at most " + std::to_string(*spec.maximum);
                fail(value.dump() + " is out of range: " + inQuotes(spec.name) + " must be "
                     + range);
            }
        }
        break;
    case PropertyType::Number:
        if (!value.is_number())
            wrongType("a number");
        break;
    case PropertyType::Enum:
    case PropertyType::Cidr:
    case PropertyType::Address:
    case PropertyType::RouteDestination:
    case PropertyType::Region:
    case PropertyType::AccountId:
    case PropertyType::Ref:
        if (spec.type == PropertyType::Ref && value.is_null())
            break; // an unset reference
        checkString(value, pointer, spec.type);
        break;
    case PropertyType::CidrList:
    case PropertyType::StringList:
    case PropertyType::DomainList:
    case PropertyType::RefList: {
        if (!value.is_array()) {
            wrongType("an array");
            break;
        }
        const PropertyType itemType = spec.type == PropertyType::CidrList ? PropertyType::Cidr
                                      : spec.type == PropertyType::RefList
                                          ? PropertyType::RefList
                                          : spec.type;
        for (size_t i = 0; i < value.size(); ++i)
            checkString(value[i], pointer + "/" + std::to_string(i), itemType);
        break;
    }
    case PropertyType::Table: {
        if (!value.is_array()) {
            wrongType("an array of rows");
            break;
        }
        for (size_t i = 0; i < value.size(); ++i) {
            const std::string rowPointer = pointer + "/" + std::to_string(i);
            const json &row = value[i];
            if (!row.is_object()) {
                errors.push_back({rowPointer, "a row must be an object, not " + typeName(row)});
                continue;
            }
            for (auto it = row.begin(); it != row.end(); ++it) {
                auto column = std::find_if(spec.columns.begin(), spec.columns.end(),
                                           [&](const PropertySpec &c) {
                                               return c.name == it.key();
                                           });
                const std::string p = rowPointer + "/" + escapePointerToken(it.key());
                if (column == spec.columns.end())
                    errors.push_back({p, "unknown column " + inQuotes(it.key()) + " in "
                                             + inQuotes(spec.name)});
                else
                    checkValue(*column, *it, p, refs, errors);
            }
            for (const auto &column : spec.columns)
                if (column.required && !row.contains(column.name))
                    errors.push_back({rowPointer, "missing column " + inQuotes(column.name)});
        }
        break;
    }
    }
}

} // namespace heiiki::model::io
