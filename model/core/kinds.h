#pragma once

#include <optional>
#include <string_view>

namespace heiiki::model {

/// Every kind of element a design can hold. The catalogue describes each one.
enum class ElementKind {
    Region,
    Account,
    CorporateDc,
    Vpc,
    AvailabilityZone,
    Subnet,
    Ec2Instance,
    LoadBalancer,
    InternetGateway,
    NatGateway,
    NetworkFirewall,
    TransitGateway,
    DxGateway,
    DxConnection,
    Vif,
    Vgw,
    VpcEndpoint,
    EndpointService,
    Route53Phz,
    SecurityGroup,
    NetworkAcl,
    IamUser,
    IamGroup,
    IamRole,
    Operator,
    Saas,
    ThirdPartyHub,
    AwsService,
};
inline constexpr int kElementKindCount = static_cast<int>(ElementKind::AwsService) + 1;

/// Every kind of link between two design objects.
enum class LinkKind {
    TgwAttachment,
    DxAssociation,
    VifOn,
    VpcPeering,
    PrivateLink,
    VgwAttachment,
    DxLink,
    MemberOf,
    Policy,
};
inline constexpr int kLinkKindCount = static_cast<int>(LinkKind::Policy) + 1;

std::string_view toString(ElementKind kind);
std::string_view toString(LinkKind kind);
std::optional<ElementKind> elementKindFromString(std::string_view name);
std::optional<LinkKind> linkKindFromString(std::string_view name);

} // namespace heiiki::model
