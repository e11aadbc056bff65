#include "policycommand.h"

#include "clisupport.h"

#include "model/iam/evaluator.h"
#include "model/iam/policyparser.h"
#include "model/io/jsonlocator.h"

#include <QCoreApplication>
#include <QFile>

#include "model/core/json.h"

#include <cstdio>
#include <fstream>
#include <memory>
#include <string>

namespace heiiki::app {

namespace {

bool readFile(const QString &path, std::string &text)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        printErr(tr("heiiki policy: cannot open %1: %2\n").arg(path, f.errorString()));
        return false;
    }
    text = f.readAll().toStdString();
    return true;
}

int runCheck(const QStringList &args)
{
    QString file;
    auto kind = model::iam::DocumentKind::Identity;
    for (int i = 0; i < args.size(); ++i) {
        const QString &a = args[i];
        if (a == QLatin1String("--kind") && i + 1 < args.size()) {
            const QString k = args[++i];
            if (k == QLatin1String("identity"))
                kind = model::iam::DocumentKind::Identity;
            else if (k == QLatin1String("resource") || k == QLatin1String("trust")
                     || k == QLatin1String("endpoint"))
                kind = model::iam::DocumentKind::Resource;
            else {
                printErr(tr("heiiki policy check: --kind must be identity, resource, trust or "
                            "endpoint, not \"%1\"\n").arg(k));
                return 2;
            }
        } else if (a.startsWith(QLatin1String("--"))) {
            printErr(tr("heiiki policy check: unknown option \"%1\"\n").arg(a));
            return 2;
        } else if (file.isEmpty()) {
            file = a;
        } else {
            printErr(tr("heiiki policy check: one document at a time (\"%1\" is extra)\n").arg(a));
            return 2;
        }
    }
    if (file.isEmpty()) {
        printErr(tr("usage: heiiki policy check DOC.json [--kind identity|resource]\n"));
        return 2;
    }
    std::string text;
    if (!readFile(file, text))
        return 2;
    heiiki::Json doc;
    try {
        doc = heiiki::Json::parse(text);
    } catch (const heiiki::Json::parse_error &e) {
        const auto pos = model::io::JsonLocator::positionOf(text, e.byte > 0 ? e.byte - 1 : 0);
        printErr(QStringLiteral("%1:%2:%3: %4\n")
                     .arg(file)
                     .arg(pos.line)
                     .arg(pos.column)
                     .arg(tr("the policy is not valid JSON")));
        return 2;
    }
    // A document that names a Principal is a resource-based policy.
    if (doc.is_object() && doc.contains("Statement")) {
        const auto &st = doc["Statement"];
        auto hasPrincipal = [](const heiiki::Json &s) {
            return s.is_object() && (s.contains("Principal") || s.contains("NotPrincipal"));
        };
        if ((st.is_object() && hasPrincipal(st))
            || (st.is_array() && std::any_of(st.begin(), st.end(), hasPrincipal)))
            if (!args.contains(QStringLiteral("--kind")))
                kind = model::iam::DocumentKind::Resource;
    }
    const auto result = model::iam::parsePolicy(doc, kind);
    const model::io::JsonLocator locator(text);
    for (const auto &p : result.problems) {
        const auto pos = locator.find(p.pointer);
        std::printf("%s:%d:%d: %s IAM-001 %s: %s\n", file.toLocal8Bit().constData(), pos.line,
                    pos.column, p.warning ? "warning" : "error",
                    p.pointer.empty() ? "/" : p.pointer.c_str(), p.message.c_str());
    }
    return result.problems.empty() ? 0 : 1;
}

int runSimulate(const QStringList &args)
{
    QString cases;
    for (int i = 0; i < args.size(); ++i) {
        if (args[i] == QLatin1String("--cases") && i + 1 < args.size())
            cases = args[++i];
        else if (args[i].startsWith(QLatin1String("--cases=")))
            cases = args[i].mid(8);
        else {
            printErr(tr("heiiki policy simulate: unknown argument \"%1\"\n").arg(args[i]));
            return 2;
        }
    }
    if (cases.isEmpty()) {
        printErr(tr("usage: heiiki policy simulate --cases FILE.jsonl\n"));
        return 2;
    }
    std::ifstream in(cases.toStdString());
    if (!in) {
        printErr(tr("heiiki policy simulate: cannot open %1\n").arg(cases));
        return 2;
    }
    using model::iam::DocumentKind;
    std::string line;
    int lineNo = 0;
    std::string out;
    while (std::getline(in, line)) {
        ++lineNo;
        if (line.find_first_not_of(" \t\r") == std::string::npos)
            continue;
        try {
            const auto c = heiiki::Json::parse(line);
            const auto &req = c.at("request");
            std::vector<std::pair<std::string, std::vector<std::string>>> keys;
            if (auto ctx = req.find("context"); ctx != req.end() && ctx->is_object())
                for (auto it = ctx->begin(); it != ctx->end(); ++it) {
                    std::vector<std::string> values;
                    auto add = [&](const heiiki::Json &v) {
                        values.push_back(v.is_string() ? v.get<std::string>() : v.dump());
                    };
                    if (it->is_array())
                        for (const auto &v : *it)
                            add(v);
                    else
                        add(*it);
                    keys.emplace_back(it.key(), std::move(values));
                }
            const model::iam::RequestContext request(req.at("principal").get<std::string>(),
                                                     req.at("action").get<std::string>(),
                                                     req.value("resource", std::string("*")),
                                                     std::move(keys));
            std::vector<std::unique_ptr<model::iam::Policy>> owned;
            auto parse = [&](const heiiki::Json &doc, DocumentKind kind) {
                auto r = model::iam::parsePolicy(doc, kind);
                owned.push_back(std::make_unique<model::iam::Policy>(
                    r.policy ? std::move(*r.policy) : model::iam::Policy()));
                return owned.back().get();
            };
            model::iam::PolicySet set;
            for (const auto &doc : c.value("identityPolicies", heiiki::Json::array()))
                set.identity.push_back(parse(doc, DocumentKind::Identity));
            auto optional = [&](const char *name, DocumentKind kind) -> model::iam::Policy * {
                auto it = c.find(name);
                return it == c.end() || it->is_null() ? nullptr : parse(*it, kind);
            };
            set.resource = optional("resourcePolicy", DocumentKind::Resource);
            set.endpoint = optional("endpointPolicy", DocumentKind::Resource);
            set.session = optional("sessionPolicy", DocumentKind::Identity);
            set.permissionsBoundary = optional("permissionsBoundary", DocumentKind::Identity);
            for (const auto &doc : c.value("scps", heiiki::Json::array()))
                set.scps.push_back(parse(doc, DocumentKind::Identity));
            const auto result = model::iam::evaluate(request, set);
            out += c.value("name", std::to_string(lineNo)) + '\t'
                   + std::string(model::iam::toString(result.decision)) + '\n';
        } catch (const std::exception &e) {
            printErr(tr("heiiki policy simulate: %1:%2: %3\n")
                         .arg(cases)
                         .arg(lineNo)
                         .arg(QString::fromStdString(e.what())));
            return 2;
        }
    }
    std::fputs(out.c_str(), stdout);
    return 0;
}

} // namespace

int runPolicy(const QStringList &args)
{
    const QString sub = args.value(0);
    if (sub == QLatin1String("check"))
        return runCheck(args.mid(1));
    if (sub == QLatin1String("simulate"))
        return runSimulate(args.mid(1));
    printErr(tr("usage: heiiki policy check DOC.json | heiiki policy simulate --cases F.jsonl\n"));
    return 2;
}

} // namespace heiiki::app
