#pragma once

#include "../core/cidr.h"
#include "policy.h"

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace heiiki::model::iam {

class RequestContext;

/// An Action, NotAction or Resource pattern, classified once so that the common shapes
/// ("*", an exact name, "prefix*") are matched without the general glob. Its text lives in
/// the CompiledPolicy's text block (offset and size), so that a policy's patterns sit
/// together in memory.
struct Pattern
{
    enum class Kind : unsigned char {
        Any,         ///< "*"
        Exact,       ///< no wildcard
        Prefix,      ///< one trailing "*" and no other wildcard; the text is the prefix
        Glob,        ///< wildcardMatch()
        EscapedGlob, ///< wildcardMatchEscaped(): `\` makes the next character literal
    };
    Kind kind = Kind::Any;
    unsigned offset = 0;
    unsigned size = 0;

    /// Classifies \a text, a plain pattern (`\` is an ordinary character) or one in escaped
    /// form, and appends what it needs of it to \a block.
    static Pattern of(std::string_view text, bool escaped, std::string &block);
    bool matches(std::string_view value, std::string_view block) const
    {
        const std::string_view text = block.substr(offset, size);
        switch (kind) {
        case Kind::Any: return true;
        case Kind::Exact: return value == text;
        case Kind::Prefix: return value.size() >= size && value.substr(0, size) == text;
        case Kind::Glob: return globMatch(text, value, false);
        case Kind::EscapedGlob: return globMatch(text, value, true);
        }
        return false;
    }

private:
    static bool globMatch(std::string_view pattern, std::string_view value, bool escaped);
};

/// A Resource or condition value in which policy variables are replaced for each request:
/// `arn:aws:s3:::home/${aws:username}/*`, `${aws:PrincipalTag/team, 'none'}`. The text is
/// split once into literal parts and variables; resolving it writes the escaped form of
/// wildcardMatchEscaped(), in which what a variable puts in, and ${*} ${?}, are literal.
class ValueTemplate
{
public:
    ValueTemplate() = default;
    /// Prepares \a text; with \a variables false (policies without Version 2012-10-17) the
    /// text is literal.
    ValueTemplate(std::string_view text, bool variables);

    /// True when the value does not depend on the request (no policy variable to replace).
    bool isStatic() const { return m_static; }
    /// For a static value: its escaped form.
    const std::string &staticText() const { return m_text; }
    /// Writes the value for \a request to \a out (replacing its content). False when a
    /// variable has no single value and no default, or a variable is not closed: such a
    /// value matches nothing.
    bool resolve(const RequestContext &request, std::string &out) const;

private:
    struct Piece
    {
        bool variable = false;
        std::string text;     ///< literal part (escaped form), or the default (escaped)
        std::string keyLower; ///< variable: the condition key
        unsigned keyHash = 0;
        bool hasDefault = false;
    };
    bool m_static = true;
    bool m_broken = false; ///< a "${" without "}": the value never resolves
    std::string m_text;    ///< static: the escaped form
    std::vector<Piece> m_pieces;
};

/// A condition value as its operator compares it: the escaped form (StringLike, Arn*), the
/// plain text (equality operators), the number (Numeric*), the date in seconds since the
/// epoch (Date*) or the network (IpAddress). Views into storage that outlives the comparison.
struct PreparedValue
{
    std::string_view escaped;
    std::string_view plain;
    std::optional<double> number;
    const Cidr *network = nullptr;
};

/// One key test of a Condition block, prepared for evaluation.
struct CompiledCondition
{
    Operator op = Operator::StringEquals;
    bool ifExists = false;
    bool negated = false;
    bool nullWantsAbsent = false; ///< Null: the first value is "true"
    SetQualifier qualifier = SetQualifier::None;
    std::string keyLower;
    unsigned keyHash = 0; ///< RequestContext::keyHash(keyLower)
    /// One value of the condition; static ones are converted once.
    struct Value
    {
        ValueTemplate source;
        std::string plain;             ///< static: the unescaped text
        std::optional<double> number;  ///< static: number or date, by operator
        std::optional<Cidr> network;   ///< static: IpAddress network
        PreparedValue prepared() const
        {
            return {source.staticText(), plain, number, network ? &*network : nullptr};
        }
    };
    std::vector<Value> values;
};

/// A principal entry with what matching needs computed once.
struct CompiledPrincipal
{
    PrincipalEntry::Type type = PrincipalEntry::Type::Any;
    std::string value;
    bool anyAws = false;         ///< {"AWS": "*"}
    bool rootForm = false;       ///< "arn:aws:iam::ACCOUNT:root"
    std::string rootAccount;     ///< its ACCOUNT
    bool role = false;           ///< an IAM role ARN: matches the role's sessions
    std::string roleAccount;
    std::string roleName;
};

/// A statement: its parts are ranges of the CompiledPolicy's arrays.
struct CompiledStatement
{
    struct Range
    {
        unsigned begin = 0, end = 0;
        bool empty() const { return begin == end; }
    };
    struct Text
    {
        unsigned offset = 0, size = 0;
    };
    Text sid;     ///< in text: the Sid
    Text pointer; ///< in text: the statement's JSON pointer
    Effect effect = Effect::Allow;
    bool hasPrincipal = false;
    bool notPrincipal = false;
    bool notAction = false;
    bool hasResource = false;
    bool notResource = false;
    Range actions;          ///< in patterns (lower case)
    Range resources;        ///< in patterns: resources without policy variables
    Range dynamicResources; ///< in templates: resources with policy variables
    Range principals;       ///< in principals
    Range conditions;       ///< in conditions
};

/// A policy prepared for evaluation: patterns classified, variables split out, condition
/// values converted for their operators. Built once per parsed policy (the parser stores
/// it in Policy::compiled); it owns its data and does not refer to the Policy. Each kind of
/// part is kept in one array, so that evaluating a policy reads a few contiguous blocks.
struct CompiledPolicy
{
    bool variables = false; ///< Version 2012-10-17: policy variables are replaced
    std::vector<CompiledStatement> statements;
    std::vector<Pattern> patterns;
    std::string text; ///< the patterns' text, Sids and pointers
    std::string_view textOf(CompiledStatement::Text t) const
    {
        return std::string_view(text).substr(t.offset, t.size);
    }
    std::vector<ValueTemplate> templates;
    std::vector<CompiledPrincipal> principals;
    std::vector<CompiledCondition> conditions;
};

/// Prepares \a policy for evaluation.
std::shared_ptr<const CompiledPolicy> compilePolicy(const Policy &policy);

/// A number condition value, or nothing when the text is not entirely a number.
std::optional<double> parseNumber(const std::string &text);
/// A date condition value in seconds since the epoch: epoch seconds ("1717200000") or ISO
/// 8601 ("2024-06-01", "2024-06-01T09:00:00+09:00", "2024-06-01T00:00:00.000Z").
std::optional<double> parseDate(const std::string &text);
/// The network of an IpAddress value: a CIDR or a single address.
std::optional<Cidr> parseNetwork(std::string_view text);
/// The address of a request's aws:SourceIp: a single address or a CIDR.
std::optional<Cidr> parseAddressValue(std::string_view text);

/// Which conversion an operator's values need.
enum class ValueKind : unsigned char { Text, Number, Date, Network };
ValueKind valueKind(Operator op);

} // namespace heiiki::model::iam
