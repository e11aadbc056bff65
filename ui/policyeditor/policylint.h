#pragma once

#include "model/core/catalogue.h"

#include <QList>
#include <QString>

#include "model/core/json.h"

#include <optional>
#include <string>

namespace heiiki::ui {

/// One problem in the text of a policy document, placed on a line.
struct PolicyLintFinding
{
    int line = 0;   ///< 1-based
    int column = 0; ///< 1-based, in characters
    QString message;
    bool warning = false; ///< valid but risky; errors make AWS refuse the document
    bool syntax = false;  ///< the text is not JSON
    std::string pointer;  ///< where in the document (empty for syntax errors)
};

/// What the linter says about a text: the document when the text is JSON, and the problems.
struct PolicyLintResult
{
    std::optional<heiiki::Json> document;
    QList<PolicyLintFinding> findings;

    int errorCount() const;
};

/// Parses \a text as JSON and, when it parses, checks it as a policy of \a type with the
/// model's IAM parser (grammar, actions, condition keys and ARNs of the shipped service
/// reference). Each problem is placed at the line and column of the value it names.
PolicyLintResult lintPolicyText(const QString &text, model::PolicyType type);

} // namespace heiiki::ui
