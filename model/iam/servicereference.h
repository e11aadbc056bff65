#pragma once

#include "policy.h"

#include "model/core/json.h"

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace heiiki::model::iam {

/// The value type of a condition key, as AWS's service authorization reference names it.
enum class ValueType { String, Arn, Bool, Numeric, Date, IpAddress, Binary };

/// One type a condition key can have: "String", or "ArrayOfString" for a multivalued key.
struct KeyType
{
    ValueType value = ValueType::String;
    bool multivalued = false;

    /// Reads "String", "ARN", "Bool", "Numeric", "Date", "IPAddress", "Binary" and their
    /// "ArrayOf…" forms; nothing for other text.
    static std::optional<KeyType> parse(std::string_view text);
    std::string toString() const;
};

/// Whether condition operator \a op compares values of type \a type (Null fits every type;
/// string operators also compare ARNs). The set qualifier is not considered.
bool operatorFits(Operator op, ValueType type);
/// The operator family to use for \a type ("Bool", "Numeric…", "IpAddress"…).
std::string operatorFamilyFor(ValueType type);

/// A condition key: "aws:SourceVpce", or a template such as "ec2:ResourceTag/${TagKey}" whose
/// ${…} part stands for any non-empty text.
struct ConditionKeyInfo
{
    std::string name;
    std::vector<KeyType> types; ///< usually one; aws:EpochTime is both Date and Numeric
};

/// A resource type of a service and the ARN format of its resources.
struct ResourceTypeInfo
{
    std::string name;                       ///< "instance"
    std::string arnFormat;                  ///< "arn:${Partition}:ec2:${Region}:${Account}:…"
    std::vector<std::string> conditionKeys; ///< keys that apply through this resource type
};

/// An action of a service.
struct ActionInfo
{
    std::string service;     ///< the prefix, "ssm"
    std::string name;        ///< as AWS writes it, "StartSession"
    std::string accessLevel; ///< "Read", "Write", "List", "Tagging", "Permissions management"
    std::vector<const ResourceTypeInfo *> resourceTypes; ///< owned by the service; may be empty
    std::vector<std::string> conditionKeys; ///< keys of the action itself

    /// "ssm:StartSession".
    std::string fullName() const { return service + ":" + name; }
};

/// A service of the reference: its actions, resource types and condition keys.
struct ServiceInfo
{
    std::string prefix;
    std::string name;
    std::vector<ActionInfo> actions;
    std::map<std::string, ResourceTypeInfo> resourceTypes;
    std::vector<ConditionKeyInfo> conditionKeys;
};

/// What Heiiki knows of AWS's service authorization reference: the actions, resource types
/// (ARN formats) and condition keys of the services designs use, the global condition keys,
/// and the prefixes of every other service. Heiiki ships one, generated from a published
/// data set into resources/iam/service-reference.json and compiled into the model library.
///
/// Names compare case-insensitively, as AWS compares actions and condition keys. Objects
/// handed out point into the reference and live as long as it does.
class ServiceReference
{
public:
    /// Reads a reference in the format of resources/iam/service-reference.json. Throws
    /// std::runtime_error (or heiiki::Json's exceptions) when the data is malformed.
    explicit ServiceReference(const heiiki::Json &data);
    ~ServiceReference();
    ServiceReference(const ServiceReference &) = delete;
    ServiceReference &operator=(const ServiceReference &) = delete;

    /// The reference compiled into Heiiki (read on first use).
    static const ServiceReference &shipped();

    /// The `header` member: where the data came from, its version and date.
    const heiiki::Json &header() const;

    /// True when the reference details the service (its actions, resources and keys).
    bool knowsService(std::string_view prefix) const;
    /// True when \a prefix is the prefix of any AWS service the source lists, detailed or not.
    bool isServicePrefix(std::string_view prefix) const;
    const ServiceInfo *service(std::string_view prefix) const;
    /// The detailed services' prefixes, sorted.
    std::vector<std::string> services() const;
    /// Every service prefix the reference knows, detailed or not: lower case, sorted.
    const std::vector<std::string> &servicePrefixes() const { return m_prefixes; }

    /// The action \a name of \a service, or nullptr.
    const ActionInfo *action(std::string_view service, std::string_view name) const;
    /// The actions that \a pattern ("ssm:Start*", "S3:Get?bject") names; * and ? are
    /// wildcards, and a wildcard in the service prefix matches every detailed service.
    std::vector<const ActionInfo *> matchingActions(std::string_view pattern) const;
    /// True when \a pattern names at least one action of a detailed service.
    bool matchesAnyAction(std::string_view pattern) const;

    /// A global condition key (aws:SourceVpce, aws:RequestTag/owner…), or nullptr.
    const ConditionKeyInfo *globalKey(std::string_view key) const;
    /// The condition key of the detailed service its prefix names, or nullptr.
    const ConditionKeyInfo *serviceKey(std::string_view key) const;
    /// globalKey(), else serviceKey().
    const ConditionKeyInfo *conditionKey(std::string_view key) const;
    /// The keys \a action supports: its own and those of its resource types (templates such
    /// as "ec2:ResourceTag/${TagKey}" as written).
    std::vector<std::string> conditionKeysOf(const ActionInfo &action) const;
    /// True when \a key is a key \a action supports (global keys are not included).
    bool actionSupportsKey(const ActionInfo &action, std::string_view key) const;

    /// The ARN formats of the resource types \a action applies to (none: it takes only "*").
    std::vector<std::string> arnFormatsOf(const ActionInfo &action) const;
    /// True when some ARN could match both \a arnPattern (a policy's Resource, with * ? and
    /// policy variables) and one of \a action's ARN formats.
    bool resourceCouldMatch(const ActionInfo &action, std::string_view arnPattern) const;

    /// True when some text matches both \a arnPattern and \a arnFormat, where ${…} in either
    /// stands for any text (ignoring ASCII case).
    static bool arnPatternsOverlap(std::string_view arnPattern, std::string_view arnFormat);
    /// True when the concrete key \a key is an instance of \a keyTemplate (ignoring case).
    static bool keyMatches(std::string_view keyTemplate, std::string_view key);

    /// The name in \a candidates closest to \a name (a few typing errors away), or "".
    static std::string closest(std::string_view name, const std::vector<std::string> &candidates);

private:
    std::unique_ptr<heiiki::Json> m_header;
    std::map<std::string, ServiceInfo, std::less<>> m_services;
    std::vector<std::string> m_prefixes; ///< every known prefix, lower case, sorted
    std::vector<ConditionKeyInfo> m_globalKeys;
};

} // namespace heiiki::model::iam
