#include "policylint.h"

#include "policytypes.h"

#include "model/io/jsonlocator.h"

#include <QCoreApplication>

#include <algorithm>

namespace heiiki::ui {

int PolicyLintResult::errorCount() const
{
    return int(std::count_if(
        findings.begin(), findings.end(), [](const PolicyLintFinding &f) { return !f.warning; }));
}

PolicyLintResult lintPolicyText(const QString &text, model::PolicyType type)
{
    PolicyLintResult result;
    const std::string utf8 = text.toStdString();
    heiiki::Json document;
    try {
        document = heiiki::Json::parse(utf8);
    } catch (const heiiki::Json::parse_error &e) {
        // e.byte is 1-based and points just past the offending character.
        const size_t offset = e.byte > 0 ? e.byte - 1 : 0;
        const auto pos = model::io::JsonLocator::positionOf(utf8, offset);
        std::string message = e.what();
        if (auto cut = message.find("syntax error"); cut != std::string::npos)
            message = message.substr(cut);
        PolicyLintFinding f;
        f.line = pos.line;
        f.column = pos.column;
        f.message = QCoreApplication::translate("heiiki::ui::PolicyEditor", "JSON %1")
                        .arg(QString::fromStdString(message));
        f.syntax = true;
        result.findings.append(f);
        return result;
    }
    result.document = document;
    const auto parsed = model::iam::parsePolicy(document, documentKindOf(type));
    const model::io::JsonLocator locator(utf8);
    for (const auto &problem : parsed.problems) {
        const auto pos = locator.find(problem.pointer);
        PolicyLintFinding f;
        f.line = std::max(1, pos.line);
        f.column = std::max(1, pos.column);
        f.message = QString::fromStdString(problem.message);
        f.warning = problem.warning;
        f.pointer = problem.pointer;
        result.findings.append(f);
    }
    std::stable_sort(
        result.findings.begin(),
        result.findings.end(),
        [](const PolicyLintFinding &a, const PolicyLintFinding &b) { return a.line < b.line; });
    return result;
}

} // namespace heiiki::ui
