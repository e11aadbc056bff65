#pragma once

#include <memory>
#include <string>
#include <vector>

namespace heiiki::model::iam {

struct CompiledPolicy;

enum class Effect { Allow, Deny };

/// A condition operator, without its IfExists suffix or set qualifier.
enum class Operator {
    StringEquals, StringNotEquals, StringEqualsIgnoreCase, StringNotEqualsIgnoreCase,
    StringLike, StringNotLike,
    NumericEquals, NumericNotEquals, NumericLessThan, NumericLessThanEquals,
    NumericGreaterThan, NumericGreaterThanEquals,
    DateEquals, DateNotEquals, DateLessThan, DateLessThanEquals, DateGreaterThan,
    DateGreaterThanEquals,
    Bool, BinaryEquals, IpAddress, NotIpAddress,
    ArnEquals, ArnLike, ArnNotEquals, ArnNotLike,
    Null,
};

/// True for the operators that match when the value does *not* (StringNotEquals…): they
/// hold when the key is missing from the request.
bool isNegated(Operator op);

enum class SetQualifier { None, ForAllValues, ForAnyValue };

/// One key test of a Condition block: `"StringEquals": {"aws:SourceVpce": ["vpce-1"]}`.
struct Condition
{
    Operator op = Operator::StringEquals;
    bool ifExists = false;
    SetQualifier qualifier = SetQualifier::None;
    std::string key;      ///< as written ("aws:SourceVpce")
    std::string keyLower; ///< lower case: keys are case-insensitive
    std::vector<std::string> values;
    std::string pointer;  ///< JSON pointer in the document
};

/// A principal entry: `"AWS": "arn:aws:iam::111111111111:root"`, `"Service": …`, or `"*"`.
struct PrincipalEntry
{
    enum class Type { Any, Aws, Service, Federated, CanonicalUser };
    Type type = Type::Any;
    std::string value;
};

/// One statement, as the evaluator uses it.
struct Statement
{
    std::string sid;
    std::string pointer;                 ///< "/Statement/0"
    Effect effect = Effect::Allow;
    bool hasPrincipal = false;           ///< Principal or NotPrincipal present
    bool notPrincipal = false;
    std::vector<PrincipalEntry> principals;
    bool notAction = false;
    std::vector<std::string> actions;    ///< lower case
    bool notResource = false;
    bool hasResource = false;
    std::vector<std::string> resources;
    std::vector<Condition> conditions;
};

/// A parsed policy document.
struct Policy
{
    std::string version;  ///< "2012-10-17", "2008-10-17" or "" when absent
    std::string id;
    std::vector<Statement> statements;
    /// The statements prepared for evaluation (compilePolicy()); the parser sets it. A policy
    /// built or changed by hand leaves it empty (or resets it), and the evaluator then
    /// prepares the statements on each evaluation.
    std::shared_ptr<const CompiledPolicy> compiled;
};

} // namespace heiiki::model::iam
