#include "diagramstyle.h"

#include <QCoreApplication>

#include <algorithm>
#include <array>

namespace heiiki::ui::diagramstyle {

namespace {

using model::ElementKind;
using model::LinkKind;

constexpr char kContext[] = "heiiki::ui::DiagramStyle";

// AWS architecture icon colours.
const QColor kPurple(0x8c, 0x4f, 0xff); // networking & content delivery
const QColor kOrange(0xed, 0x71, 0x00); // compute
const QColor kRed(0xdd, 0x34, 0x4c);    // security, identity & compliance
const QColor kTeal(0x00, 0xa4, 0xa6);   // region, private subnet
const QColor kGreen(0x7a, 0xa1, 0x16);  // public subnet
const QColor kPink(0xe7, 0x15, 0x7b);   // account
const QColor kBlue(0x14, 0x7e, 0xba);   // availability zone
const QColor kGrey(0x7d, 0x89, 0x98);   // corporate data center, generic
const QColor kInk(0x23, 0x2f, 0x3e);    // "squid ink": people, AWS services

struct KindText
{
    const char *label;
    const char *glyph;
};

// In the order of model::ElementKind.
constexpr std::array<KindText, model::kElementKindCount> kKinds{{
    {QT_TRANSLATE_NOOP("heiiki::ui::DiagramStyle", "Region"), "R"},
    {QT_TRANSLATE_NOOP("heiiki::ui::DiagramStyle", "AWS account"), "A"},
    {QT_TRANSLATE_NOOP("heiiki::ui::DiagramStyle", "Corporate data center"), "DC"},
    {QT_TRANSLATE_NOOP("heiiki::ui::DiagramStyle", "VPC"), "VPC"},
    {QT_TRANSLATE_NOOP("heiiki::ui::DiagramStyle", "Availability Zone"), "AZ"},
    {QT_TRANSLATE_NOOP("heiiki::ui::DiagramStyle", "Subnet"), "SN"},
    {QT_TRANSLATE_NOOP("heiiki::ui::DiagramStyle", "EC2 instance"), "EC2"},
    {QT_TRANSLATE_NOOP("heiiki::ui::DiagramStyle", "Load balancer"), "ELB"},
    {QT_TRANSLATE_NOOP("heiiki::ui::DiagramStyle", "Internet gateway"), "IGW"},
    {QT_TRANSLATE_NOOP("heiiki::ui::DiagramStyle", "NAT gateway"), "NAT"},
    {QT_TRANSLATE_NOOP("heiiki::ui::DiagramStyle", "Network Firewall"), "NFW"},
    {QT_TRANSLATE_NOOP("heiiki::ui::DiagramStyle", "Transit Gateway"), "TGW"},
    {QT_TRANSLATE_NOOP("heiiki::ui::DiagramStyle", "Direct Connect gateway"), "DXGW"},
    {QT_TRANSLATE_NOOP("heiiki::ui::DiagramStyle", "Direct Connect connection"), "DX"},
    {QT_TRANSLATE_NOOP("heiiki::ui::DiagramStyle", "Virtual interface"), "VIF"},
    {QT_TRANSLATE_NOOP("heiiki::ui::DiagramStyle", "Virtual private gateway"), "VGW"},
    {QT_TRANSLATE_NOOP("heiiki::ui::DiagramStyle", "VPC endpoint"), "VPCE"},
    {QT_TRANSLATE_NOOP("heiiki::ui::DiagramStyle", "Endpoint service (PrivateLink)"), "PL"},
    {QT_TRANSLATE_NOOP("heiiki::ui::DiagramStyle", "Route 53 private hosted zone"), "R53"},
    {QT_TRANSLATE_NOOP("heiiki::ui::DiagramStyle", "Security group"), "SG"},
    {QT_TRANSLATE_NOOP("heiiki::ui::DiagramStyle", "Network ACL"), "ACL"},
    {QT_TRANSLATE_NOOP("heiiki::ui::DiagramStyle", "IAM user"), "USER"},
    {QT_TRANSLATE_NOOP("heiiki::ui::DiagramStyle", "IAM group"), "GRP"},
    {QT_TRANSLATE_NOOP("heiiki::ui::DiagramStyle", "IAM role"), "ROLE"},
    {QT_TRANSLATE_NOOP("heiiki::ui::DiagramStyle", "Operator"), "OP"},
    {QT_TRANSLATE_NOOP("heiiki::ui::DiagramStyle", "SaaS (internet service)"), "SaaS"},
    {QT_TRANSLATE_NOOP("heiiki::ui::DiagramStyle", "Third-party hub"), "HUB"},
    {QT_TRANSLATE_NOOP("heiiki::ui::DiagramStyle", "AWS service"), "AWS"},
}};

// In the order of model::LinkKind.
constexpr std::array<const char *, model::kLinkKindCount> kLinks{{
    QT_TRANSLATE_NOOP("heiiki::ui::DiagramStyle", "TGW attachment"),
    QT_TRANSLATE_NOOP("heiiki::ui::DiagramStyle", "DX association"),
    QT_TRANSLATE_NOOP("heiiki::ui::DiagramStyle", "VIF"),
    QT_TRANSLATE_NOOP("heiiki::ui::DiagramStyle", "peering"),
    QT_TRANSLATE_NOOP("heiiki::ui::DiagramStyle", "PrivateLink"),
    QT_TRANSLATE_NOOP("heiiki::ui::DiagramStyle", "VGW attachment"),
    QT_TRANSLATE_NOOP("heiiki::ui::DiagramStyle", "Direct Connect"),
    QT_TRANSLATE_NOOP("heiiki::ui::DiagramStyle", "member of"),
    QT_TRANSLATE_NOOP("heiiki::ui::DiagramStyle", "policy"),
}};

QString translate(const char *text)
{
    return QCoreApplication::translate(kContext, text);
}

} // namespace

ContainerLook containerLook(const model::Element &element)
{
    ContainerLook look;
    look.fill = Qt::transparent;
    look.badge = QString::fromLatin1(kKinds.at(static_cast<size_t>(element.kind)).glyph);
    switch (element.kind) {
    case ElementKind::Region:
        look.outline = kTeal;
        look.title = kTeal.darker(120);
        look.dashed = true;
        break;
    case ElementKind::Account:
        look.outline = kPink;
        look.title = kPink;
        break;
    case ElementKind::CorporateDc:
        look.outline = kGrey;
        look.title = kGrey.darker(130);
        look.fill = QColor(0xf4, 0xf5, 0xf6);
        break;
    case ElementKind::Vpc:
        look.outline = kPurple;
        look.title = kPurple;
        look.fill = Qt::white;
        break;
    case ElementKind::AvailabilityZone:
        look.outline = kBlue;
        look.title = kBlue;
        look.dashed = true;
        break;
    case ElementKind::Subnet: {
        const auto &role = element.property("role");
        const bool isPublic = role.is_string() && role.get<std::string>() == "public";
        look.outline = isPublic ? kGreen : kTeal;
        look.title = isPublic ? kGreen.darker(130) : kTeal.darker(130);
        look.fill = isPublic ? QColor(0xf2, 0xf6, 0xe8) : QColor(0xe6, 0xf6, 0xf7);
        break;
    }
    default:
        look.outline = kGrey;
        look.title = kGrey;
        break;
    }
    return look;
}

NodeLook nodeLook(ElementKind kind)
{
    NodeLook look;
    look.glyph = QString::fromLatin1(kKinds.at(static_cast<size_t>(kind)).glyph);
    look.kind = kind;
    switch (kind) {
    case ElementKind::Operator:
    case ElementKind::AwsService:
        look.colour = kInk;
        return look;
    case ElementKind::Saas:
    case ElementKind::ThirdPartyHub:
        look.colour = kGrey;
        return look;
    default:
        break;
    }
    switch (model::Catalogue::instance().info(kind).category) {
    case model::Category::Compute:
        look.colour = kOrange;
        break;
    case model::Category::SecurityIdentity:
        look.colour = kRed;
        break;
    case model::Category::External:
        look.colour = kGrey;
        break;
    default:
        look.colour = kPurple;
        break;
    }
    return look;
}

LinkLook linkLook(LinkKind kind)
{
    switch (kind) {
    case LinkKind::TgwAttachment:
    case LinkKind::VgwAttachment:
        return {kPurple, false};
    case LinkKind::VpcPeering:
        return {kPurple, true};
    case LinkKind::PrivateLink:
        return {kTeal, true};
    case LinkKind::MemberOf:
    case LinkKind::Policy:
        return {kRed, true};
    default:
        return {kInk, false};
    }
}

QString kindLabel(ElementKind kind)
{
    return translate(kKinds.at(static_cast<size_t>(kind)).label);
}

QString linkLabel(LinkKind kind)
{
    return translate(kLinks.at(static_cast<size_t>(kind)));
}

bool showsLinkLabel(LinkKind kind)
{
    return kind != LinkKind::MemberOf && kind != LinkKind::Policy;
}

QColor faded(const QColor &colour, qreal share)
{
    share = std::clamp(share, 0.0, 1.0);
    const auto mix = [share](int c) { return qRound(c * share + 255 * (1 - share)); };
    return QColor(mix(colour.red()), mix(colour.green()), mix(colour.blue()));
}

} // namespace heiiki::ui::diagramstyle
