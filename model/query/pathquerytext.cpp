#include "pathquerytext.h"

#include "../core/cidr.h"

#include <algorithm>

namespace heiiki::model {

const std::vector<std::string> &knownServiceNames()
{
    // clang-format off
    static const std::vector<std::string> services{
        "s3", "dynamodb", "ssm", "ssmmessages", "ec2messages", "sts", "kms", "logs", "ec2",
        "firehose", "kinesis-firehose", "secretsmanager", "monitoring", "ecr.api", "ecr.dkr",
        "iam", "network-firewall", "sqs", "sns"};
    // clang-format on
    return services;
}

bool readPathSource(const Design &design, std::string_view text, network::Query &query)
{
    if (text == "internet") {
        query.fromInternet = true;
        query.from = Id();
        return true;
    }
    const Id id{std::string(text)};
    if (!design.element(id))
        return false;
    query.fromInternet = false;
    query.from = id;
    return true;
}

PathTarget readPathTarget(const Design &design, std::string_view text)
{
    using Kind = network::Target::Kind;
    PathTarget result;
    const std::string value(text);
    for (const auto &[prefix, kind] : {std::pair{std::string_view("service:"), Kind::Service},
                                       std::pair{std::string_view("domain:"), Kind::Domain},
                                       std::pair{std::string_view("cidr:"), Kind::Cidr}}) {
        if (text.starts_with(prefix)) {
            result.target = {kind, std::string(text.substr(prefix.size()))};
            return result;
        }
    }
    if (design.element(Id(value))) {
        result.target = {Kind::Element, value};
    } else if (text == "internet") {
        result.target = {Kind::Internet, ""};
    } else if (text.find('/') != std::string_view::npos || Cidr::parseAddress(text)) {
        std::string why;
        if (text.find('/') != std::string_view::npos && !Cidr::parse(text, &why)) {
            result.problem = PathTargetProblem::BadCidr;
            result.detail = why;
            return result;
        }
        result.target = {Kind::Cidr, value};
    } else if (const auto &known = knownServiceNames();
               std::find(known.begin(), known.end(), value) != known.end()
               || text.starts_with("com.amazonaws.")) {
        result.target = {Kind::Service, value};
    } else if (text.find('.') != std::string_view::npos) {
        result.target = {Kind::Domain, value};
    } else {
        result.problem = PathTargetProblem::Unknown;
    }
    return result;
}

} // namespace heiiki::model
