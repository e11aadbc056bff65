#include "containment.h"

#include "../core/catalogue.h"
#include "readertext.h"

namespace heiiki::model::io {

using namespace text;

void checkContainment(const Design &design, const std::vector<std::string> &pointers,
                      LoadErrors &errors)
{
    auto error = [&errors](std::string pointer, std::string message) {
        errors.push_back({std::move(pointer), std::move(message)});
    };
    const auto &catalogue = Catalogue::instance();
    const auto &elements = design.elements();
    for (size_t i = 0; i < elements.size(); ++i) {
        const Element &e = *elements[i];
        const std::string &pointer = pointers[i];
        const auto &info = catalogue.info(e.kind);
        if (e.parent.isNull()) {
            if (!info.topLevel)
                error(pointer, article(info.label) + " cannot stand at the top level; put it in "
                                   + [&] {
                                         std::vector<std::string> names;
                                         for (auto k : info.parents)
                                             names.push_back(catalogue.info(k).label);
                                         return join(names);
                                     }());
            continue;
        }
        const Element *parent = design.element(e.parent);
        if (!parent) {
            error(pointer + "/parent", "parent " + inQuotes(e.parent.str()) + " is not an element "
                                                                            "of this design");
            continue;
        }
        if (!catalogue.mayHold(parent->kind, e.kind)) {
            error(pointer + "/parent", article(catalogue.info(parent->kind).label)
                                           + " cannot hold " + article(info.label));
            continue;
        }
        // Walk up to find a cycle.
        const Element *walk = parent;
        size_t steps = 0;
        while (walk && !walk->parent.isNull() && steps <= elements.size()) {
            if (walk->id == e.id)
                break;
            walk = design.element(walk->parent);
            ++steps;
        }
        if ((walk && walk->id == e.id) || steps > elements.size())
            error(pointer + "/parent", "containment cycle: " + inQuotes(e.id.str())
                                           + " ends up inside itself");
    }
}

} // namespace heiiki::model::io
