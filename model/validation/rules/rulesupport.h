#pragma once

#include "../../core/design.h"
#include "../../network/pathresult.h"
#include "../designpaths.h"
#include "../rule.h"
#include "../validationcontext.h"

#include <algorithm>
#include <string>
#include <vector>

namespace heiiki::model::rules {

/// Small helpers the rules share.
inline std::string str(const heiiki::Json &v)
{
    return v.is_string() ? v.get<std::string>() : std::string();
}

/// "a → b → c": the elements a path went through, for messages.
inline std::string route(const network::PathResult &path)
{
    std::string out;
    Id last;
    for (const auto &h : path.hops) {
        if (h.element == last)
            continue;
        out += (out.empty() ? "" : " → ") + h.element.str();
        last = h.element;
    }
    return out;
}

/// The ids a path went through, without repeats, in order.
inline std::vector<Id> pathElements(const network::PathResult &path)
{
    std::vector<Id> out;
    for (const auto &h : path.hops)
        if (std::find(out.begin(), out.end(), h.element) == out.end())
            out.push_back(h.element);
    return out;
}

inline std::string flowName(const Flow &flow)
{
    return flow.name.empty() ? "flow " + flow.id.str()
                             : "flow \"" + flow.name + "\" (" + flow.id.str() + ")";
}

/// The pointer of a flow in the file.
inline std::string flowPointer(const Design &design, const Flow &flow)
{
    return pointerOf(design, flow.id);
}

} // namespace heiiki::model::rules
