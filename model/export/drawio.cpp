#include "drawio.h"

#include "../layout/autolayout.h"
#include "../layout/labeltext.h"

#include <cmath>
#include <sstream>

namespace heiiki::model::exporting {

namespace {

using EK = ElementKind;

// The prefix draw.io's AWS sidebar gives every group (Sidebar-AWS4.js, "AWS / Groups").
constexpr std::string_view kGroup
    = "points=[[0,0],[0.25,0],[0.5,0],[0.75,0],[1,0],[1,0.25],[1,0.5],[1,0.75],[1,1],[0.75,1],"
      "[0.5,1],[0.25,1],[0,1],[0,0.75],[0,0.5],[0,0.25]];outlineConnect=0;gradientColor=none;"
      "html=1;whiteSpace=wrap;fontSize=12;fontStyle=0;container=1;pointerEvents=0;"
      "collapsible=0;recursiveResize=0;shape=mxgraph.aws4.group;verticalAlign=top;align=left;"
      "spacingLeft=30;";
// A plain outlined group (draw.io's Availability Zone and Security group entries).
constexpr std::string_view kBox
    = "verticalAlign=top;fontStyle=0;whiteSpace=wrap;html=1;container=1;pointerEvents=0;"
      "collapsible=0;recursiveResize=0;";
// A resource icon (the square, coloured service icons) and a plain shape icon.
constexpr std::string_view kResourceIcon
    = "sketch=0;points=[[0,0,0],[0.25,0,0],[0.5,0,0],[0.75,0,0],[1,0,0],[0,1,0],[0.25,1,0],"
      "[0.5,1,0],[0.75,1,0],[1,1,0],[0,0.25,0],[0,0.5,0],[0,0.75,0],[1,0.25,0],[1,0.5,0],"
      "[1,0.75,0]];outlineConnect=0;fontColor=#232F3E;strokeColor=#ffffff;dashed=0;"
      "verticalLabelPosition=bottom;verticalAlign=top;align=center;html=1;fontSize=12;"
      "fontStyle=0;aspect=fixed;shape=mxgraph.aws4.resourceIcon;";
constexpr std::string_view kShapeIcon
    = "sketch=0;outlineConnect=0;fontColor=#232F3E;gradientColor=none;strokeColor=none;"
      "dashed=0;verticalLabelPosition=bottom;verticalAlign=top;align=center;html=1;"
      "fontSize=12;fontStyle=0;aspect=fixed;pointerEvents=1;";

// The AWS category colours.
constexpr std::string_view kNetworking = "#8C4FFF";
constexpr std::string_view kSecurity = "#DD344C";
constexpr std::string_view kCompute = "#ED7100";
constexpr std::string_view kGeneral = "#232F3D";
constexpr std::string_view kManagement = "#E7157B";
constexpr std::string_view kStorage = "#7AA116";

constexpr double kIconSize = 48; ///< the icon drawn in a node's cell, label below

std::string group(std::string_view icon, std::string_view colours)
{
    return std::string(kGroup) + "grIcon=mxgraph.aws4." + std::string(icon) + ";"
           + std::string(colours);
}

std::string resourceIcon(std::string_view icon, std::string_view fill)
{
    return std::string(kResourceIcon) + "fillColor=" + std::string(fill) + ";resIcon=mxgraph.aws4."
           + std::string(icon) + ";";
}

std::string shapeIcon(std::string_view shape, std::string_view fill)
{
    return std::string(kShapeIcon) + "fillColor=" + std::string(fill) + ";shape=mxgraph.aws4."
           + std::string(shape) + ";";
}

bool routesToInternetGateway(const Design &design, const Element &subnet)
{
    const heiiki::Json &routes = subnet.property("routes");
    if (!routes.is_array())
        return false;
    for (const auto &route : routes) {
        if (!route.is_object() || !route.contains("target") || !route["target"].is_string())
            continue;
        const Element *target = design.element(Id(route["target"].get<std::string>()));
        if (target && target->kind == EK::InternetGateway)
            return true;
    }
    return false;
}

/// A string property's value, or \a fallback when it is unset or not a string.
std::string textProperty(const Element &element, std::string_view name,
                         const std::string &fallback = {})
{
    const heiiki::Json &value = element.property(name);
    return value.is_string() ? value.get<std::string>() : fallback;
}

std::string serviceStyle(const Element &element)
{
    const std::string name = textProperty(element, "service");
    if (name == "sts")
        return shapeIcon("sts", kSecurity);
    if (name == "s3")
        return resourceIcon("s3", kStorage);
    if (name == "kms")
        return resourceIcon("key_management_service", kSecurity);
    if (name == "iam")
        return resourceIcon("identity_and_access_management", kSecurity);
    if (name == "ssm" || name == "ssmmessages" || name == "ec2messages")
        return resourceIcon("systems_manager", kManagement);
    if (name == "logs")
        return resourceIcon("cloudwatch_2", kManagement);
    if (name == "firehose")
        return resourceIcon("kinesis_data_firehose", "#8C4FFF");
    return resourceIcon("general", kGeneral);
}

std::string label(const Element &element)
{
    return element.name.empty() ? Catalogue::instance().info(element.kind).label : element.name;
}

std::string htmlEscaped(std::string_view text)
{
    // The value of an html=1 cell is HTML: escape it once as HTML, once more as XML.
    std::string out;
    for (char c : text) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\n': out += "<br>"; break;
        default: out += c;
        }
    }
    return out;
}

std::string number(double value)
{
    // Whole numbers print without a fraction; others with at most two decimals.
    if (std::abs(value - std::round(value)) < 1e-9)
        return std::to_string(static_cast<long long>(std::llround(value)));
    std::ostringstream out;
    out.precision(2);
    out << std::fixed << value;
    std::string text = out.str();
    while (!text.empty() && text.back() == '0')
        text.pop_back();
    return text;
}

class DrawioWriter
{
public:
    DrawioWriter(const Design &design, const DrawioOptions &options)
        : m_design(design), m_options(options), m_layout(autoLayout(design))
    {
        if (!options.only.empty())
            collectIncluded();
    }

    std::string write()
    {
        m_out << "<mxfile host=\"Heiiki\" type=\"device\">\n";
        m_out << "  <diagram id=\"heiiki\" name=\"" << xmlEscaped(m_options.diagramName)
              << "\">\n";
        m_out << "    <mxGraphModel dx=\"1600\" dy=\"1000\" grid=\"1\" gridSize=\"10\" "
                 "guides=\"1\" tooltips=\"1\" connect=\"1\" arrows=\"1\" fold=\"1\" "
                 "page=\"0\" pageScale=\"1\" math=\"0\" shadow=\"0\">\n";
        m_out << "      <root>\n";
        m_out << "        <mxCell id=\"0\" />\n";
        m_out << "        <mxCell id=\"1\" parent=\"0\" />\n";
        for (const auto &element : m_design.elements()) {
            if (included(element->id))
                writeElement(*element);
        }
        for (const auto &link : m_design.links()) {
            if (Catalogue::instance().info(link->kind).toPolicy)
                continue;
            if (included(link->from) && included(link->to) && m_design.element(link->from)
                && m_design.element(link->to))
                writeLink(*link);
        }
        m_out << "      </root>\n";
        m_out << "    </mxGraphModel>\n";
        m_out << "  </diagram>\n";
        m_out << "</mxfile>\n";
        return m_out.str();
    }

private:
    void collectIncluded()
    {
        for (const Id &id : m_options.only) {
            const Element *element = m_design.element(id);
            while (element) {
                m_included.insert(element->id);
                element = element->parent.isNull() ? nullptr : m_design.element(element->parent);
            }
        }
    }

    bool included(const Id &id) const
    {
        return m_options.only.empty() || m_included.count(id) > 0;
    }

    Geometry geometryOf(const Element &element) const
    {
        auto it = m_layout.find(element.id);
        return it != m_layout.end() ? it->second : Geometry{0, 0, 100, 76};
    }

    std::string cellId(const Id &id) const { return "heiiki-" + id.str(); }

    void writeElement(const Element &element)
    {
        const bool container = Catalogue::instance().info(element.kind).container
                               || element.kind == EK::SecurityGroup;
        Geometry box = geometryOf(element);
        std::string value;
        if (container) {
            value = htmlEscaped(label(element));
            const std::string subtitle = containerSubtitle(element);
            if (!subtitle.empty())
                value += " " + htmlEscaped("(" + subtitle + ")");
        } else {
            value = htmlEscaped(label(element));
            // The icon stands at the top of the node's cell; its label hangs below it.
            box = Geometry{box.x + (box.width - kIconSize) / 2, box.y + 4, kIconSize, kIconSize};
        }
        const std::string parent = element.parent.isNull() || !m_design.element(element.parent)
                                       ? std::string("1")
                                       : cellId(element.parent);
        m_out << "        <mxCell id=\"" << xmlEscaped(cellId(element.id)) << "\" value=\""
              << xmlEscaped(value) << "\" style=\"" << xmlEscaped(drawioStyle(m_design, element))
              << "\" vertex=\"1\" parent=\"" << xmlEscaped(parent) << "\">\n";
        m_out << "          <mxGeometry x=\"" << number(box.x) << "\" y=\"" << number(box.y)
              << "\" width=\"" << number(box.width) << "\" height=\"" << number(box.height)
              << "\" as=\"geometry\" />\n";
        m_out << "        </mxCell>\n";
    }

    void writeLink(const Link &link)
    {
        const LinkKindInfo &info = Catalogue::instance().info(link.kind);
        std::string value;
        if (link.kind != LinkKind::MemberOf)
            value = htmlEscaped(link.name.empty() ? info.label : link.name);
        m_out << "        <mxCell id=\"" << xmlEscaped(cellId(link.id)) << "\" value=\""
              << xmlEscaped(value) << "\" style=\"" << xmlEscaped(drawioStyle(link))
              << "\" edge=\"1\" parent=\"1\" source=\"" << xmlEscaped(cellId(link.from))
              << "\" target=\"" << xmlEscaped(cellId(link.to)) << "\">\n";
        m_out << "          <mxGeometry relative=\"1\" as=\"geometry\" />\n";
        m_out << "        </mxCell>\n";
    }

    const Design &m_design;
    const DrawioOptions &m_options;
    Layout m_layout;
    std::unordered_set<Id> m_included;
    std::ostringstream m_out;
};

} // namespace

std::string drawioStyle(const Design &design, const Element &element)
{
    switch (element.kind) {
    case EK::Region:
        return group("group_region", "strokeColor=#00A4A6;fillColor=none;fontColor=#147EBA;"
                                     "dashed=1;");
    case EK::Account:
        return group("group_account", "strokeColor=#CD2264;fillColor=none;fontColor=#CD2264;"
                                      "dashed=0;");
    case EK::CorporateDc:
        return group("group_corporate_data_center",
                     "strokeColor=#7D8998;fillColor=none;fontColor=#5A6C86;dashed=0;");
    case EK::Vpc:
        return group("group_vpc2", "strokeColor=#8C4FFF;fillColor=none;fontColor=#AAB7B8;"
                                   "dashed=0;");
    case EK::AvailabilityZone:
        return std::string(kBox) + "fillColor=none;strokeColor=#147EBA;dashed=1;fontColor=#147EBA;";
    case EK::Subnet: {
        const bool isPublic = textProperty(element, "role") == "public"
                              || routesToInternetGateway(design, element);
        return isPublic ? group("group_security_group",
                                "grStroke=0;strokeColor=#7AA116;fillColor=#F2F6E8;"
                                "fontColor=#248814;dashed=0;")
                        : group("group_security_group",
                                "grStroke=0;strokeColor=#00A4A6;fillColor=#E6F6F7;"
                                "fontColor=#147EBA;dashed=0;");
    }
    case EK::SecurityGroup:
        return std::string(kBox) + "fillColor=none;strokeColor=#DD3522;fontColor=#DD3522;";
    case EK::Ec2Instance:
        return shapeIcon("instance2", kCompute);
    case EK::LoadBalancer: {
        const std::string name = textProperty(element, "type", "application");
        return shapeIcon(name == "network"   ? "network_load_balancer"
                         : name == "gateway" ? "gateway_load_balancer"
                                             : "application_load_balancer",
                         kNetworking);
    }
    case EK::InternetGateway:
        return shapeIcon("internet_gateway", kNetworking);
    case EK::NatGateway:
        return shapeIcon("nat_gateway", kNetworking);
    case EK::NetworkFirewall:
        return resourceIcon("network_firewall", kSecurity);
    case EK::TransitGateway:
        return resourceIcon("transit_gateway", kNetworking);
    case EK::DxGateway:
    case EK::DxConnection:
        return resourceIcon("direct_connect", kNetworking);
    case EK::Vif:
        return shapeIcon("gateway", kNetworking);
    case EK::Vgw:
        return shapeIcon("vpn_gateway", kNetworking);
    case EK::VpcEndpoint: {
        const bool gateway = textProperty(element, "type") == "gateway";
        return shapeIcon(gateway ? "endpoint" : "endpoints", kNetworking);
    }
    case EK::EndpointService:
        return resourceIcon("vpc_privatelink", kNetworking);
    case EK::Route53Phz:
        return shapeIcon("hosted_zone", kNetworking);
    case EK::NetworkAcl:
        return shapeIcon("network_access_control_list", kNetworking);
    case EK::IamUser:
    case EK::Operator:
        return shapeIcon("user", kGeneral);
    case EK::IamGroup:
        return shapeIcon("users", kGeneral);
    case EK::IamRole:
        return shapeIcon("role", kSecurity);
    case EK::Saas:
        return shapeIcon("internet_alt2", kGeneral);
    case EK::ThirdPartyHub:
        return shapeIcon("traditional_server", kGeneral);
    case EK::AwsService:
        return serviceStyle(element);
    }
    return shapeIcon("general", kGeneral);
}

std::string drawioStyle(const Link &link)
{
    std::string colour = "#232F3E";
    bool dashed = false;
    switch (link.kind) {
    case LinkKind::TgwAttachment:
    case LinkKind::VgwAttachment:
        colour = "#8C4FFF";
        break;
    case LinkKind::VpcPeering:
        colour = "#8C4FFF";
        dashed = true;
        break;
    case LinkKind::PrivateLink:
        colour = "#00A4A6";
        dashed = true;
        break;
    case LinkKind::MemberOf:
    case LinkKind::Policy:
        colour = "#DD344C";
        dashed = true;
        break;
    default:
        break;
    }
    return "edgeStyle=orthogonalEdgeStyle;rounded=0;orthogonalLoop=1;jettySize=auto;html=1;"
           "endArrow=none;strokeWidth=2;fontSize=10;strokeColor="
           + colour + ";fontColor=" + colour + ";dashed=" + (dashed ? "1" : "0") + ";";
}

std::string exportDrawio(const Design &design, const DrawioOptions &options)
{
    return DrawioWriter(design, options).write();
}

std::string xmlEscaped(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&apos;"; break;
        case '\n': out += "&#xa;"; break;
        default: out += c;
        }
    }
    return out;
}

} // namespace heiiki::model::exporting
