#pragma once

#include "design.h"

#include <unordered_set>

namespace heiiki::model {

/// A copy of a design that is brought level with it by copying only what changed.
///
/// The mirror observes the design it follows and notes which elements, links and policies
/// were added, changed or removed; sync() then copies those alone, where copying the whole
/// of a 5,000-element design would cost milliseconds on every edit. Settings, accounts and
/// flows are copied whenever any of them changed. After a reset of the source, or when the
/// pieces no longer line up in document order, sync() copies everything.
///
/// The copy may be read by another thread between syncs; sync() itself must not run while
/// anyone reads it.
class DesignMirror : public DesignObserver
{
public:
    DesignMirror() = default;
    ~DesignMirror() override;
    DesignMirror(const DesignMirror &) = delete;
    DesignMirror &operator=(const DesignMirror &) = delete;

    /// Follows \a source from now on (null: follows nothing). The next sync() copies it all.
    /// A design that is destroyed is no longer followed; the copy stays as it was.
    void attach(Design *source);
    const Design *source() const { return m_source; }

    /// Copies what changed in the source since the last sync. Returns the number of
    /// elements, links and policies copied or removed (the whole design's count after a full
    /// copy).
    size_t sync();
    /// The copy, as of the last sync().
    const Design &copy() const { return m_copy; }
    /// True when the source changed since the last sync().
    bool isBehind() const;
    /// True when everything that changed in the source since the last sync() is the names
    /// or places of elements: the next sync() then renames or moves objects of the copy in
    /// place, unless it has to copy everything (see lastSyncCopiedAll()). No rule decides
    /// on a name or a place, so a validation of the copy stays right but for its texts.
    bool onlyNamesChanged() const;
    /// True when everything that changed since the last sync() is policy documents and the
    /// names or places of elements: the next sync() then leaves every element and link of the
    /// copy where it is, unless it has to copy everything. No path depends on a policy, so a
    /// validation's topology and traces stay right; its IAM view does not.
    bool onlyNamesOrPoliciesChanged() const;
    /// True when the last sync() copied the whole design: pointers into the copy from before
    /// it are gone.
    bool lastSyncCopiedAll() const { return m_copiedAll; }

    void elementAdded(const Id &id) override
    {
        m_elements.insert(id);
        m_notOnlyNames = true;
    }
    void elementRemoved(const Id &id) override
    {
        m_elements.insert(id);
        m_notOnlyNames = true;
    }
    void elementChanged(const Id &id, std::string_view what) override;
    void linkAdded(const Id &id) override { m_links.insert(id); }
    void linkRemoved(const Id &id) override { m_links.insert(id); }
    void linkChanged(const Id &id) override { m_links.insert(id); }
    void policyAdded(const Id &id) override { m_policies.insert(id); }
    void policyRemoved(const Id &id) override { m_policies.insert(id); }
    void policyChanged(const Id &id) override { m_policies.insert(id); }
    void designChanged(std::string_view) override { m_rest = true; }
    void designReset() override { m_everything = true; }
    void designDestroyed() override { m_source = nullptr; }

private:
    size_t copyAll();

    Design *m_source = nullptr;
    Design m_copy;
    bool m_everything = true;
    bool m_rest = false; ///< settings, accounts or flows changed
    bool m_notOnlyNames = false; ///< an element changed in more than its name or place
    bool m_copiedAll = false;    ///< the last sync() copied everything
    std::unordered_set<Id> m_elements, m_links, m_policies;
};

} // namespace heiiki::model
