// The interactive designer: drops, links, every command's undo and redo, paste, autosave
// recovery, and the rendered canvas against a stored image.
#include "testsupport.h"

#include "model/io/designfile.h"
#include "model/io/designwriter.h"
#include "model/layout/autolayout.h"
#include "model/validation/validator.h"
#include "ui/commands/editdesigncommand.h"
#include "ui/commands/editelementscommand.h"
#include "ui/commands/insertcommand.h"
#include "ui/commands/removecommand.h"
#include "ui/cachedtext.h"
#include "ui/containeritem.h"
#include "ui/designscene.h"
#include "ui/designview.h"
#include "ui/linkitem.h"
#include "ui/linkrouter.h"
#include "ui/nodeitem.h"
#include "ui/document/autosaver.h"
#include "ui/document/designdocument.h"
#include "ui/document/validationrunner.h"
#include "ui/mainwindow.h"

#include <QAction>
#include <QFontMetricsF>
#include <QApplication>
#include <QMenu>
#include <QPainter>
#include <QTimer>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace heiiki;
using heiiki::model::Id;

namespace {

const QString kReference = tests::sourcePath(QStringLiteral("resources/samples/reference-tokyo.heiiki.json"));

model::Design loadReference()
{
    auto result = model::io::loadDesignFile(kReference.toStdString());
    if (!result.design)
        qFatal("the reference design does not load");
    return std::move(*result.design);
}

std::string json(const ui::DesignDocument &document)
{
    return model::io::designToText(document.design());
}

/// The scene position of the centre of element \a id's frame.
QPointF centreOf(ui::DesignScene &scene, const char *id)
{
    const ui::ElementItem *item = scene.elementItem(Id(id));
    Q_ASSERT(item);
    return item->mapToScene(item->frameRect().center());
}

} // namespace

class TestDesigner : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_document = std::make_unique<ui::DesignDocument>();
        m_document->reset(loadReference(), kReference);
        m_scene = std::make_unique<ui::DesignScene>(m_document.get());
    }
    void cleanup()
    {
        m_scene.reset();
        m_document.reset();
    }

    void dropCreatesElementInContainerUnderCursor()
    {
        // A free spot inside the private subnet: below its title band.
        const ui::ElementItem *subnet = m_scene->elementItem(Id("subnet-work-a-private"));
        const QPointF spot = subnet->mapToScene(QPointF(12, model::LayoutMetrics::titleHeight + 4));
        const auto id = m_scene->dropElement(model::ElementKind::Ec2Instance, spot);
        QVERIFY(id);
        const model::Element *added = m_document->design().element(*id);
        QVERIFY(added);
        QCOMPARE(added->parent, Id("subnet-work-a-private"));
        QVERIFY(m_scene->elementItem(*id));
        QCOMPARE(m_scene->elementItem(*id)->parentItem(), subnet);
        QCOMPARE(m_document->undoStack()->count(), 1);
        m_document->undoStack()->undo();
        QVERIFY(!m_document->design().element(*id));
        QVERIFY(!m_scene->elementItem(*id));
    }

    void forbiddenDropIsRefused()
    {
        QSignalSpy messages(m_scene.get(), &ui::DesignScene::statusMessage);
        const std::string before = json(*m_document);
        // A subnet belongs in an Availability Zone or a VPC, not in a region's free space.
        const ui::ElementItem *region = m_scene->elementItem(Id("region-b-tokyo"));
        const QPointF spot = region->mapToScene(QPointF(4, model::LayoutMetrics::titleHeight - 4));
        QVERIFY(!m_scene->dropElement(model::ElementKind::Subnet, spot));
        QCOMPARE(messages.count(), 1);
        const QString why = messages.first().first().toString();
        QVERIFY2(why.contains(QLatin1String("Subnet")) && why.contains(QLatin1String("Availability Zone")),
                 qPrintable(why));
        QCOMPARE(json(*m_document), before);
        QCOMPARE(m_document->undoStack()->count(), 0);
        // Far outside everything: the top level, where only top-level kinds may stand.
        QVERIFY(!m_scene->dropElement(model::ElementKind::Ec2Instance, QPointF(-5000, -5000)));
        QVERIFY(m_scene->dropElement(model::ElementKind::Account, QPointF(-5000, -5000)));
    }

    void linkingOffersOnlyAllowedKinds()
    {
        // A VPC and a Transit Gateway: a TGW attachment, and nothing else.
        const auto choices = m_scene->linkChoices(Id("vpc-operator"), Id("tgw-tokyo"));
        QCOMPARE(choices.size(), size_t(1));
        QVERIFY(choices.front().first == model::LinkKind::TgwAttachment);
        // Two EC2 instances: no link kind joins them; the refusal says so.
        QSignalSpy messages(m_scene.get(), &ui::DesignScene::statusMessage);
        QVERIFY(m_scene->linkChoices(Id("ec2-analysis-a"), Id("ec2-analysis-c")).empty());
        QVERIFY(!m_scene->linkElements(Id("ec2-analysis-a"), Id("ec2-analysis-c")));
        QCOMPARE(messages.count(), 1);
        // An existing link is not made twice.
        QVERIFY(!m_scene->linkElements(Id("vpc-operator"), Id("tgw-tokyo")));
        // Two VPCs: peering, made as one step and undone as one.
        const auto link = m_scene->linkElements(Id("vpc-operator"), Id("vpc-workload"));
        QVERIFY(link);
        QVERIFY(m_document->design().link(*link)->kind == model::LinkKind::VpcPeering);
        QVERIFY(m_scene->linkItem(*link));
        m_document->undoStack()->undo();
        QVERIFY(!m_document->design().link(*link));
        QVERIFY(!m_scene->linkItem(*link));
    }

    void everyCommandUndoesAndRedoesExactly_data()
    {
        QTest::addColumn<QString>("command");
        for (const char *name : {"drop", "drop-into-small", "link", "delete-vpc", "delete-link",
                                 "delete-policy", "move", "move-into-other-parent", "resize",
                                 "rename", "property", "policy", "settings", "paste", "nudge"})
            QTest::newRow(name) << QString::fromLatin1(name);
    }

    void everyCommandUndoesAndRedoesExactly()
    {
        QFETCH(QString, command);
        const std::string before = json(*m_document);
        model::Design &design = m_document->design();
        QUndoStack *stack = m_document->undoStack();
        if (command == QLatin1String("drop")) {
            QVERIFY(m_scene->dropElement(model::ElementKind::Vpc, centreOf(*m_scene, "region-c-tokyo")));
        } else if (command == QLatin1String("drop-into-small")) {
            // The subnet grows to hold the instance dropped at its far corner.
            const auto *subnet = static_cast<ui::ContainerItem *>(m_scene->elementItem(Id("subnet-op-a-tgw")));
            const QPointF corner = subnet->mapToScene(QPointF(subnet->size().width() - 5,
                                                              subnet->size().height() - 5));
            QVERIFY(m_scene->dropElement(model::ElementKind::Ec2Instance, corner));
            QVERIFY(design.element(Id("subnet-op-a-tgw"))->geometry->width > subnet->size().width() - 1);
        } else if (command == QLatin1String("link")) {
            QVERIFY(m_scene->linkElements(Id("vpc-operator"), Id("vpc-inspection")));
        } else if (command == QLatin1String("delete-vpc")) {
            // The VPC, everything in it, its attachment, and routes that named what it held.
            stack->push(new ui::RemoveCommand(m_document.get(), {Id("vpc-inspection")}, QStringLiteral("Delete")));
            QVERIFY(!design.element(Id("natgw-insp-a")));
            QVERIFY(!design.link(Id("attach-tgw-inspection")));
            const std::string saved = model::io::designToText(design);
            const auto reloaded = model::io::loadDesignFromText(saved);
            QVERIFY2(reloaded.design.has_value(),
                     reloaded.errors.empty() ? "" : reloaded.errors.front().format("design").c_str());
        } else if (command == QLatin1String("delete-link")) {
            stack->push(new ui::RemoveCommand(m_document.get(), {Id("attach-tgw-workload")}, QStringLiteral("Delete")));
        } else if (command == QLatin1String("delete-policy")) {
            stack->push(new ui::RemoveCommand(m_document.get(), {Id("pol-iii-ssm-role-trust")}, QStringLiteral("Delete")));
            QVERIFY(!design.link(Id("attach-iii-ssm-role-trust")));
        } else if (command == QLatin1String("move")) {
            ui::ElementItem *item = m_scene->elementItem(Id("vpc-operator"));
            item->setSelected(true);
            item->moveBy(40, 30);
            m_scene->commitMoves();
        } else if (command == QLatin1String("move-into-other-parent")) {
            ui::ElementItem *item = m_scene->elementItem(Id("ec2-analysis-a"));
            item->setSelected(true);
            const QPointF target = m_scene->elementItem(Id("subnet-work-c-private"))
                                       ->mapToScene(QPointF(20, model::LayoutMetrics::titleHeight + 4));
            item->setPos(item->parentItem()->mapFromScene(target));
            m_scene->commitMoves();
            QCOMPARE(design.element(Id("ec2-analysis-a"))->parent, Id("subnet-work-c-private"));
        } else if (command == QLatin1String("resize")) {
            m_scene->resizeContainer(Id("vpc-workload"), QSizeF(2000, 1500));
            QCOMPARE(design.element(Id("vpc-workload"))->geometry->width, 2000.0);
        } else if (command == QLatin1String("rename") || command == QLatin1String("property")) {
            model::Element after = *design.element(Id("vpc-operator"));
            if (command == QLatin1String("rename"))
                after.name = "Renamed";
            else
                after.properties["cidrBlocks"] = {"10.99.0.0/16"};
            stack->push(new ui::EditElementsCommand(m_document.get(), {*design.element(after.id)}, {after},
                                                    QStringLiteral("Edit")));
        } else if (command == QLatin1String("policy")) {
            model::PolicyDocument after = *design.policy(Id("pol-ii-endpoint-company-only"));
            after.document["Statement"] = heiiki::Json::array();
            stack->push(new ui::EditPolicyCommand(m_document.get(), *design.policy(after.id), after,
                                                  QStringLiteral("Edit policy")));
        } else if (command == QLatin1String("settings")) {
            ui::DesignMeta meta = ui::DesignMeta::of(design);
            meta.settings.name = "Changed";
            meta.flows.clear();
            stack->push(new ui::EditDesignCommand(m_document.get(), meta, QStringLiteral("Settings")));
        } else if (command == QLatin1String("paste")) {
            const auto fragment = model::edit::copyFragment(design, {Id("vpc-workload")});
            const auto prepared = model::edit::prepareInsertion(design, fragment, Id("region-b-tokyo"), 20, 20);
            QVERIFY(prepared.error.empty());
            stack->push(new ui::InsertCommand(m_document.get(), prepared.fragment, QStringLiteral("Paste")));
        } else if (command == QLatin1String("nudge")) {
            m_document->setSelection({Id("tgw-tokyo")});
            m_scene->nudgeSelection(QPointF(10, 0));
            m_scene->nudgeSelection(QPointF(10, 0));
            QCOMPARE(stack->count(), 1); // consecutive nudges are one step
        }
        QVERIFY(stack->count() >= 1);
        const std::string after = json(*m_document);
        QVERIFY2(after != before, "the command changed nothing");
        while (stack->canUndo())
            stack->undo();
        QCOMPARE(json(*m_document), before);
        while (stack->canRedo())
            stack->redo();
        QCOMPARE(json(*m_document), after);
        // The canvas follows: one item per element, whatever happened.
        QCOMPARE(m_scene->elementItemCount(), int(design.elements().size()));
    }

    void pasteRemapsIdsAndReferences()
    {
        model::Design &design = m_document->design();
        const auto fragment = model::edit::copyFragment(design, {Id("vpc-workload")});
        const auto prepared = model::edit::prepareInsertion(design, fragment, Id("region-b-tokyo"), 20, 20);
        QVERIFY(prepared.error.empty());
        std::unordered_set<std::string> newIds;
        for (const auto &e : prepared.fragment.elements) {
            QVERIFY2(!design.isIdTaken(e.id), e.id.str().c_str());
            newIds.insert(e.id.str());
        }
        // Everything nested is copied, and the copies nest in the copies.
        QCOMPARE(prepared.fragment.elements.size(),
                 model::edit::subtree(design, {Id("vpc-workload")}).size());
        for (const auto &e : prepared.fragment.elements)
            if (e.parent != Id("region-b-tokyo"))
                QVERIFY2(newIds.count(e.parent.str()), e.id.str().c_str());
        m_document->undoStack()->push(new ui::InsertCommand(m_document.get(), prepared.fragment, QStringLiteral("Paste")));
        // The pasted design still loads: every reference resolves.
        QVERIFY(model::io::loadDesignFromText(model::io::designToText(design)).design.has_value());
        // The endpoints of the copy name the copy's security group, not the original's.
        for (const auto &e : prepared.fragment.elements)
            if (e.kind == model::ElementKind::VpcEndpoint)
                for (const auto &sg : e.property("securityGroups"))
                    QVERIFY2(newIds.count(sg.get<std::string>()), sg.dump().c_str());
        // A subnet cannot be pasted at the top level.
        const auto subnet = model::edit::copyFragment(design, {Id("subnet-op-a-tgw")});
        QVERIFY(!model::edit::prepareInsertion(design, subnet, Id(), 0, 0).error.empty());
    }

    void randomEditsUndoAndRedoExactly()
    {
        QRandomGenerator random(20261129);
        QUndoStack *stack = m_document->undoStack();
        const std::string initial = json(*m_document);
        std::vector<std::string> states{initial};
        const auto pick = [&](auto predicate) -> const model::Element * {
            std::vector<const model::Element *> candidates;
            for (const auto &e : m_document->design().elements())
                if (predicate(*e))
                    candidates.push_back(e.get());
            if (candidates.empty())
                return nullptr;
            return candidates[random.bounded(int(candidates.size()))];
        };
        const model::ElementKind kinds[] = {model::ElementKind::Ec2Instance, model::ElementKind::Subnet,
                                            model::ElementKind::Vpc, model::ElementKind::SecurityGroup,
                                            model::ElementKind::VpcEndpoint, model::ElementKind::Account};
        // Validation reads a copy that follows the edits (only what changed is copied): its
        // findings must be those of the design as it is.
        const auto findingsAreCurrent = [&] {
            m_document->waitForValidation();
            return m_document->findings()
                   == ui::ValidationRunner::run(m_document->design()).findings;
        };
        QVERIFY(findingsAreCurrent());
        int done = 0;
        for (int step = 0; done < 200 && step < 2000; ++step) {
            const int before = stack->index();
            model::Design &design = m_document->design();
            switch (random.bounded(7)) {
            case 0: { // drop somewhere
                const model::Element *container = pick([](const model::Element &e) {
                    return model::Catalogue::instance().info(e.kind).container;
                });
                if (container)
                    m_scene->dropElement(kinds[random.bounded(6)], centreOf(*m_scene, container->id.str().c_str()));
                break;
            }
            case 1: { // delete something
                if (design.elements().size() < 20)
                    break;
                const model::Element *victim = pick([](const model::Element &) { return true; });
                stack->push(new ui::RemoveCommand(m_document.get(), {victim->id}, QStringLiteral("Delete")));
                break;
            }
            case 2: { // move
                const model::Element *e = pick([](const model::Element &e) { return e.geometry.has_value(); });
                m_document->setSelection({e->id});
                m_scene->nudgeSelection(QPointF(random.bounded(5) * 10 - 20, random.bounded(5) * 10));
                m_document->setSelection({});
                break;
            }
            case 3: { // rename
                const model::Element *e = pick([](const model::Element &) { return true; });
                model::Element after = *e;
                after.name = "step " + std::to_string(step);
                stack->push(new ui::EditElementsCommand(m_document.get(), {*e}, {after}, QStringLiteral("Rename")));
                break;
            }
            case 4: { // link two elements that may be linked
                const model::Element *a = pick([](const model::Element &) { return true; });
                const model::Element *b = pick([](const model::Element &) { return true; });
                if (a && b && m_scene->linkChoices(a->id, b->id).size() == 1)
                    m_scene->linkElements(a->id, b->id);
                break;
            }
            case 5: { // duplicate a subtree beside itself
                const model::Element *e = pick([](const model::Element &e) { return !e.parent.isNull(); });
                const auto fragment = model::edit::copyFragment(design, {e->id});
                const auto prepared = model::edit::prepareInsertion(design, fragment, e->parent, 20, 20);
                if (prepared.error.empty() && !prepared.fragment.isEmpty())
                    stack->push(new ui::InsertCommand(m_document.get(), prepared.fragment, QStringLiteral("Duplicate")));
                break;
            }
            case 6: { // edit a policy document: its first statement allowed or denied
                const auto &policies = design.policies();
                if (policies.empty())
                    break;
                const model::PolicyDocument &p = *policies[random.bounded(int(policies.size()))];
                model::PolicyDocument after = p;
                auto &statements = after.document["Statement"];
                if (!statements.is_array() || statements.empty())
                    break;
                auto &effect = statements[0]["Effect"];
                effect = effect == "Allow" ? "Deny" : "Allow";
                stack->push(new ui::EditPolicyCommand(m_document.get(), p, after, QStringLiteral("Edit policy")));
                break;
            }
            }
            if (stack->index() != before) {
                ++done;
                states.push_back(json(*m_document));
                if (done % 7 == 0)
                    QVERIFY2(findingsAreCurrent(), qPrintable(QStringLiteral("after edit %1").arg(done)));
            } else if (stack->count() > 0 && stack->command(stack->index() - 1)->id() != -1) {
                states.back() = json(*m_document); // a nudge merged into the one before
            } else if (states.back() != json(*m_document)) {
                QFAIL("a refused edit changed the design");
            }
        }
        QCOMPARE(done, 200);
        QCOMPARE(stack->count(), 200);
        for (int i = int(states.size()) - 1; i > 0; --i) {
            stack->undo();
            QCOMPARE(json(*m_document), states[size_t(i - 1)]);
            if (i % 13 == 0)
                QVERIFY2(findingsAreCurrent(), qPrintable(QStringLiteral("after undo %1").arg(i)));
        }
        QVERIFY(findingsAreCurrent());
        while (stack->canRedo())
            stack->redo();
        QCOMPARE(json(*m_document), states.back());
        QVERIFY(findingsAreCurrent());
        QCOMPARE(m_scene->elementItemCount(), int(m_document->design().elements().size()));
        QVERIFY(model::io::loadDesignFromText(states.back()).design.has_value());
    }

    void captionsMoveOnlyNearAnEdit()
    {
        // The longest link with a caption, and a node that is not one of its ends.
        const model::Design &design = m_document->design();
        ui::LinkItem *link = nullptr;
        qreal longest = 0;
        for (const auto &l : design.links())
            if (ui::LinkItem *item = m_scene->linkItem(l->id); item && !item->placedCaptionRect().isEmpty()) {
                const QRectF box = item->sceneBoundingRect();
                if (box.width() + box.height() > longest) {
                    longest = box.width() + box.height();
                    link = item;
                }
            }
        QVERIFY(link);
        const model::Element *node = nullptr;
        for (const auto &e : design.elements())
            if (e->kind == model::ElementKind::Ec2Instance && e->id != link->fromId() && e->id != link->toId()) {
                node = e.get();
                break;
            }
        QVERIFY(node);
        const QRectF caption = link->placedCaptionRect();
        // Far from the caption and the node: links whose captions must not move.
        ui::ElementItem *nodeItem = m_scene->elementItem(node->id);
        const QRectF nodeBefore = nodeItem->mapRectToScene(nodeItem->frameRect());
        std::map<Id, QRectF> far;
        for (const auto &l : design.links())
            if (ui::LinkItem *item = m_scene->linkItem(l->id); item && item != link) {
                const QRectF box = item->sceneBoundingRect().adjusted(-200, -200, 200, 200);
                if (!box.intersects(caption) && !box.intersects(nodeBefore))
                    far.emplace(l->id, item->placedCaptionRect());
            }
        QVERIFY(!far.empty());

        // Move the node onto the caption.
        model::Element moved = *node;
        const QPointF shift = caption.center() - nodeBefore.center();
        moved.geometry->x += shift.x();
        moved.geometry->y += shift.y();
        m_document->undoStack()->push(new ui::EditElementsCommand(m_document.get(), {*node}, {moved}, QStringLiteral("Move")));
        QCoreApplication::processEvents();
        const QRectF nodeAfter = nodeItem->mapRectToScene(nodeItem->frameRect());
        QVERIFY(nodeAfter.intersects(caption));
        // The caption stepped aside along its line; the far ones stayed.
        QVERIFY2(!link->placedCaptionRect().intersects(nodeAfter),
                 qPrintable(QStringLiteral("caption %1,%2 still under the node").arg(link->placedCaptionRect().x()).arg(link->placedCaptionRect().y())));
        for (const auto &[id, rect] : far)
            QCOMPARE(m_scene->linkItem(id)->placedCaptionRect(), rect);
    }

    void editsRevalidateLive()
    {
        m_document->waitForValidation();
        QCOMPARE(model::summarize(m_document->findings()).errors, 0);
        // Taking the firewall out of the egress path breaks closed-network rules.
        m_document->undoStack()->push(new ui::RemoveCommand(m_document.get(), {Id("nfw-egress")}, QStringLiteral("Delete")));
        m_document->waitForValidation();
        QVERIFY(model::summarize(m_document->findings()).errors > 0);
        // The canvas shows the findings on the elements they name.
        bool badged = false;
        for (const auto &f : m_document->findings())
            for (const Id &id : f.elements)
                if (auto *item = m_scene->elementItem(id); item && item->badge())
                    badged = true;
        QVERIFY(badged);
        m_document->undoStack()->undo();
        m_document->waitForValidation();
        QCOMPARE(model::summarize(m_document->findings()).errors, 0);
    }

    void renameRevalidatesWithoutTracingAgain()
    {
        // A rename changes no verdict: the run keeps the last run's topology and traces and
        // makes only the texts again, which then name the element by its new name.
        // An inbound SSH rule: NET-009 names the security group by its name.
        auto *stack = m_document->undoStack();
        const model::Element group = *m_document->design().element(Id("sg-work-endpoints"));
        model::Element opened = group;
        opened.properties["inbound"].push_back(
            {{"protocol", "tcp"}, {"fromPort", 22}, {"toPort", 22}, {"cidr", "10.20.0.0/16"}});
        stack->push(new ui::EditElementsCommand(m_document.get(), {group}, {opened}, QStringLiteral("Open SSH")));
        m_document->waitForValidation();
        QVERIFY(!m_document->validation()->result().keptTraces);
        const model::Element *named = nullptr;
        for (const auto &f : m_document->findings())
            for (const Id &id : f.elements)
                if (const model::Element *e = m_document->design().element(id);
                    e && !e->name.empty() && f.message.find(e->name) != std::string::npos)
                    named = e;
        QString messages;
        for (const auto &f : m_document->findings())
            messages += QString::fromStdString(f.ruleId + ": " + f.message) + QLatin1Char('\n');
        QVERIFY2(named, qPrintable(messages));
        model::Element renamed = *named;
        renamed.name = "Renamed at last";
        stack->push(new ui::EditElementsCommand(m_document.get(), {*named}, {renamed}, QStringLiteral("Rename")));
        const auto &live = keptTracesMatchFreshRun();
        if (QTest::currentTestFailed())
            return;
        QVERIFY(std::any_of(live.findings.begin(), live.findings.end(), [](const model::Finding &f) {
            return f.message.find("Renamed at last") != std::string::npos;
        }));

        // Anything more than a name is traced again.
        stack->undo(); // the rename
        stack->undo(); // the SSH rule
        m_document->waitForValidation();
        QVERIFY(!m_document->validation()->result().keptTraces);
        QCOMPARE(m_document->findings(), ui::ValidationRunner::run(m_document->design()).findings);
        QCOMPARE(model::summarize(m_document->findings()).errors, 0);
    }

private:
    /// Waits for the run after an edit, which must have kept the last run's topology and
    /// traces, and compares its findings and scenarios with a fresh validation's.
    const ui::ValidationRunner::Result &keptTracesMatchFreshRun()
    {
        m_document->waitForValidation();
        const auto &live = m_document->validation()->result();
        [&] {
            QVERIFY(live.keptTraces);
            const auto fresh = ui::ValidationRunner::run(m_document->design());
            QCOMPARE(live.findings, fresh.findings);
            QCOMPARE(live.scenarios.size(), fresh.scenarios.size());
            for (size_t i = 0; i < fresh.scenarios.size(); ++i) {
                QCOMPARE(live.scenarios[i].succeeds, fresh.scenarios[i].succeeds);
                QCOMPARE(live.scenarios[i].control, fresh.scenarios[i].control);
                QCOMPARE(live.scenarios[i].detail, fresh.scenarios[i].detail);
                QCOMPARE(live.scenarios[i].elements, fresh.scenarios[i].elements);
            }
        }();
        return live;
    }

private slots:
    void policyEditRevalidatesWithoutTracingAgain()
    {
        // No path depends on a policy document: after an edit of one, the run keeps the last
        // run's topology and traces and builds the IAM view again.
        auto *stack = m_document->undoStack();
        m_document->waitForValidation();
        const model::PolicyDocument before =
            *m_document->design().policy(Id("pol-ii-endpoint-company-only"));
        model::PolicyDocument after = before;
        after.document = heiiki::Json{{"Version", "2012-10-17"},
                                      {"Statement",
                                       {{{"Effect", "Allow"},
                                         {"Principal", "*"},
                                         {"Action", "*"},
                                         {"Resource", "*"}}}}};
        stack->push(new ui::EditPolicyCommand(m_document.get(), before, after,
                                              QStringLiteral("Open policy II")));
        const auto &live = keptTracesMatchFreshRun();
        if (QTest::currentTestFailed())
            return;
        QVERIFY(std::any_of(live.findings.begin(), live.findings.end(),
                            [](const model::Finding &f) { return f.ruleId == "IAM-003"; }));

        stack->undo();
        m_document->waitForValidation();
        QVERIFY(m_document->validation()->result().keptTraces);
        QCOMPARE(m_document->findings(), ui::ValidationRunner::run(m_document->design()).findings);
        QCOMPARE(model::summarize(m_document->findings()).errors, 0);
    }

    void autosaveRecoveryRestoresTheDesign()
    {
        QTemporaryDir folder;
        std::string edited;
        {
            ui::MainWindow crashed(nullptr, folder.path());
            QVERIFY(crashed.openDesign(kReference));
            crashed.scene()->dropElement(model::ElementKind::Account, QPointF(-3000, -3000));
            QVERIFY(crashed.document()->isModified());
            QVERIFY(crashed.autosaver()->saveNow());
            edited = json(*crashed.document());
            // A crash: the window goes without discarding its recovery file.
            QFile::copy(crashed.autosaver()->recoveryFile(), folder.filePath(QStringLiteral("left.heiiki-recovery.json")));
            QFile::copy(crashed.autosaver()->recoveryFile() + QStringLiteral(".meta.json"),
                        folder.filePath(QStringLiteral("left.heiiki-recovery.json.meta.json")));
        }
        ui::MainWindow next(nullptr, folder.path());
        const auto recovery = next.autosaver()->pendingRecovery();
        QVERIFY(recovery);
        QCOMPARE(recovery->originalPath, kReference);
        QVERIFY(next.recoverDesign(*recovery));
        QCOMPARE(json(*next.document()), edited);
        QVERIFY(next.document()->isModified()); // not on disk yet
        QCOMPARE(next.document()->filePath(), kReference);
        QVERIFY(!next.autosaver()->pendingRecovery());
    }

    void autosaveOnTheTimerFollowsEdits()
    {
        QTemporaryDir folder;
        ui::MainWindow window(nullptr, folder.path());
        QVERIFY(window.openDesign(kReference));
        ui::Autosaver *autosaver = window.autosaver();
        const QString file = autosaver->recoveryFile();
        const auto onDisk = [&file] {
            QFile f(file);
            return f.open(QIODevice::ReadOnly) ? f.readAll().toStdString() : std::string();
        };
        autosaver->setInterval(20);
        // Nothing to save until there are unsaved changes.
        QTest::qWait(100);
        QVERIFY(!QFile::exists(file));
        window.scene()->dropElement(model::ElementKind::Account, QPointF(-3000, -3000));
        QTRY_COMPARE(onDisk(), json(*window.document()));
        // The next interval writes the next edit: the copy written follows the design.
        model::Element before = *window.document()->design().element(Id("ec2-analysis-a"));
        model::Element after = before;
        after.name = "renamed while autosaving";
        window.document()->undoStack()->push(new ui::EditElementsCommand(window.document(), {before}, {after}, QStringLiteral("Rename")));
        QTRY_COMPARE(onDisk(), json(*window.document()));
        QVERIFY(autosaver->waitForSave());
        // Saved: the recovery file goes, and a write still busy does not bring it back.
        autosaver->setInterval(60 * 1000);
        QVERIFY(window.document()->saveAs(folder.filePath(QStringLiteral("saved.heiiki.json"))).isEmpty());
        QVERIFY(autosaver->waitForSave());
        QVERIFY(!QFile::exists(file));
    }

    void brokenFileChangesNothing()
    {
        ui::MainWindow window(nullptr, QTemporaryDir().path());
        QVERIFY(window.openDesign(kReference));
        const std::string before = json(*window.document());
        const QString broken = QDir(tests::sourcePath(QStringLiteral("tests/data/broken")))
                                   .entryInfoList({QStringLiteral("*.json")}, QDir::Files).first().absoluteFilePath();
        QVERIFY(!window.openDesign(broken));
        QCOMPARE(json(*window.document()), before);
        QCOMPARE(window.document()->filePath(), kReference);
        auto *box = window.findChild<QWidget *>(QStringLiteral("loadErrors"));
        QVERIFY(box);
        box->close();
    }

    void windowEditActions()
    {
        ui::MainWindow window(nullptr, QTemporaryDir().path());
        QVERIFY(window.openDesign(kReference));
        const size_t count = window.document()->design().elements().size();
        window.document()->setSelection({Id("ec2-analysis-a")});
        window.action(QStringLiteral("copy"))->trigger();
        window.action(QStringLiteral("paste"))->trigger();
        QCOMPARE(window.document()->design().elements().size(), count + 1);
        QVERIFY(window.windowTitle().contains(QLatin1String("[*]")));
        QVERIFY(window.isWindowModified());
        window.action(QStringLiteral("delete"))->trigger(); // the pasted copy is selected
        QCOMPARE(window.document()->design().elements().size(), count);
        window.action(QStringLiteral("undo"))->trigger();
        window.action(QStringLiteral("undo"))->trigger();
        QVERIFY(!window.isWindowModified());
        window.action(QStringLiteral("selectAll"))->trigger();
        QCOMPARE(window.document()->selection().size(), qsizetype(count));
    }

    void linkRoutesGoRoundNodes()
    {
        // A node right between two others: the link between them goes round it.
        const QRectF a(0, 0, 40, 40), blocker(100, 0, 40, 40), b(200, 0, 40, 40);
        const QPolygonF straight = ui::routeLink(a, b, {});
        QCOMPARE(straight.size(), 2); // nothing in the way: straight across
        QCOMPARE(ui::crossings(straight, {blocker}), 1);
        const QPolygonF detour = ui::routeLink(a, b, {blocker});
        QCOMPARE(ui::crossings(detour, {blocker}), 0);
        QCOMPARE(ui::crossings(detour, {a.adjusted(2, 2, -2, -2), b.adjusted(2, 2, -2, -2)}), 0);
        for (qsizetype i = 1; i < detour.size(); ++i) // orthogonal segments only
            QVERIFY(detour[i - 1].x() == detour[i].x() || detour[i - 1].y() == detour[i].y());
        const auto onOutline = [](const QRectF &box, const QPointF &p) {
            return box.adjusted(-0.5, -0.5, 0.5, 0.5).contains(p)
                   && !box.adjusted(0.5, 0.5, -0.5, -0.5).contains(p);
        };
        QVERIFY(onOutline(a, detour.first())); // it starts and ends on the outlines
        QVERIFY(onOutline(b, detour.last()));

        // On the reference design's canvas, no link runs through another node.
        std::vector<std::pair<Id, QRectF>> nodes;
        for (const auto &element : m_document->design().elements()) {
            auto *node = dynamic_cast<ui::NodeItem *>(m_scene->elementItem(element->id));
            if (node)
                nodes.emplace_back(element->id, node->mapRectToScene(node->frameRect()));
        }
        for (const auto &link : m_document->design().links()) {
            const ui::LinkItem *item = m_scene->linkItem(link->id);
            if (!item)
                continue;
            std::vector<QRectF> others;
            for (const auto &[id, box] : nodes)
                if (id != link->from && id != link->to)
                    others.push_back(box);
            QVERIFY2(ui::crossings(item->route(), others) == 0,
                     qPrintable(QString::fromStdString(link->id.str())));
        }
    }

    void cachedTextDrawsLikeDrawText()
    {
        // The canvas draws its labels from glyphs shaped once: at 100 % they must land
        // exactly where QPainter::drawText() puts them, in the alignments the canvas uses;
        // zoomed, within a pixel of it.
        QFont font;
        font.setPixelSize(11);
        const QString text = QStringLiteral("Workload VPC s0074 · 10.2.80.0/21");
        const QRectF box(7.5, 5.25, 260, 18);
        const Qt::Alignment alignments[] = {Qt::AlignLeft | Qt::AlignTop,
                                            Qt::AlignLeft | Qt::AlignVCenter,
                                            Qt::AlignHCenter | Qt::AlignTop,
                                            Qt::AlignCenter};
        const ui::CachedText cached(text, font);
        QCOMPARE(cached.width(), QFontMetricsF(font).horizontalAdvance(text));
        const auto inked = [](const QImage &image) {
            QRect ink;
            for (int y = 0; y < image.height(); ++y)
                for (int x = 0; x < image.width(); ++x)
                    if (qGray(image.pixel(x, y)) < 128)
                        ink |= QRect(x, y, 1, 1);
            return ink;
        };
        for (const qreal scale : {1.0, 0.75, 2.0}) {
            for (const Qt::Alignment alignment : alignments) {
                QImage expected(600, 80, QImage::Format_RGB32);
                QImage actual(expected.size(), expected.format());
                for (QImage *image : {&expected, &actual}) {
                    image->fill(Qt::white);
                    QPainter painter(image);
                    painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
                    painter.scale(scale, scale);
                    painter.setPen(Qt::black);
                    painter.setFont(font);
                    if (image == &expected)
                        painter.drawText(box, int(alignment), text);
                    else
                        cached.draw(&painter, box, alignment);
                }
                const QString where = QStringLiteral("at %1×, alignment %2")
                                          .arg(scale)
                                          .arg(int(alignment));
                if (scale == 1.0) {
                    QVERIFY2(expected == actual, qPrintable(where));
                    continue;
                }
                const QRect a = inked(expected);
                const QRect b = inked(actual);
                QVERIFY2(!a.isEmpty() && std::abs(a.left() - b.left()) <= 1
                             && std::abs(a.right() - b.right()) <= 1
                             && std::abs(a.top() - b.top()) <= 1
                             && std::abs(a.bottom() - b.bottom()) <= 1,
                         qPrintable(where));
            }
        }
    }

    void canvasContextMenu()
    {
        ui::MainWindow window(nullptr, QTemporaryDir().path());
        QVERIFY(window.openDesign(kReference));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *view = window.findChild<ui::DesignView *>();
        QVERIFY(view);
        window.action(QStringLiteral("fit"))->trigger();
        auto *scene = static_cast<ui::DesignScene *>(view->scene());
        const QPoint pos = view->mapFromScene(centreOf(*scene, "ec2-analysis-a"));
        QStringList shown;
        QTimer::singleShot(0, this, [&shown] {
            auto *menu = qobject_cast<QMenu *>(QApplication::activePopupWidget());
            if (!menu)
                return;
            for (QAction *action : menu->actions())
                if (!action->isSeparator())
                    shown << action->text().remove('&');
            menu->close();
        });
        emit view->customContextMenuRequested(pos);
        // The right-clicked element became the selection; the menu acts on it.
        QCOMPARE(window.document()->selection(), QList<Id>{Id("ec2-analysis-a")});
        for (const char *text : {"Copy", "Delete", "Trace Path From Selection", "Properties"})
            QVERIFY2(shown.contains(QLatin1String(text)), qPrintable(shown.join(", ")));
        QVERIFY(window.action(QStringLiteral("delete"))->isEnabled());
    }

    void farOutViewPaintsWhatTheItemsWould()
    {
        // Far out the view draws the plain shapes itself; the picture must be the one the
        // items paint, with selection, a highlighted path and finding badges too.
        ui::DesignView view;
        view.setScene(m_scene.get());
        view.resize(900, 600);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setTransform(QTransform::fromScale(0.5, 0.5));
        QVERIFY(!view.paintsOverview());
        // Scales a binary fraction can hold exactly, so that both ways of adding up an item's
        // place round alike.
        view.setTransform(QTransform::fromScale(0.125, 0.125));
        view.centerOn(m_scene->designRect().center());
        QVERIFY(view.paintsOverview());

        const auto frame = [](ui::DesignView &view, bool overview) {
            view.setOverviewEnabled(overview);
            QImage image(view.viewport()->size(), QImage::Format_RGB32);
            image.fill(Qt::white);
            view.viewport()->render(&image);
            return image;
        };
        // Compares the two ways for the view as it stands; the far-out picture in *picture.
        const auto compare = [&](ui::DesignView &view, const char *state, QImage *picture) {
            QCoreApplication::processEvents();
            const QImage items = frame(view, false);
            const QImage overview = frame(view, true);
            qint64 differing = 0, inked = 0;
            for (int y = 0; y < items.height(); ++y) {
                const auto *a = reinterpret_cast<const QRgb *>(items.constScanLine(y));
                const auto *b = reinterpret_cast<const QRgb *>(overview.constScanLine(y));
                for (int x = 0; x < items.width(); ++x) {
                    differing += (a[x] & 0xffffff) != (b[x] & 0xffffff);
                    inked += (a[x] & 0xffffff) != 0xffffff;
                }
            }
            const qint64 pixels = qint64(items.width()) * items.height();
            if (differing > 16 || qEnvironmentVariableIsSet("HEIIKI_SAVE_FAR_OUT")) {
                items.save(QDir::temp().filePath(QStringLiteral("far-out-items.png")));
                overview.save(QDir::temp().filePath(QStringLiteral("far-out-overview.png")));
            }
            QVERIFY2(inked * 100 > pixels, state); // the design is drawn at all
            // A few pixels may differ where a container's selection or badge meets a child:
            // the far-out view draws overlays over every element, the items before children.
            QVERIFY2(differing <= 16,
                     qPrintable(QStringLiteral("%1: %2 of %3 pixels differ; see far-out-*.png in %4")
                                    .arg(QLatin1String(state)).arg(differing).arg(pixels)
                                    .arg(QDir::tempPath())));
            *picture = overview;
        };
        QImage picture;
        compare(view, "as opened", &picture);
        const QImage opened = picture;
        m_document->setSelection({Id("vpc-workload"), Id("ec2-analysis-a")});
        m_scene->linkItem(Id("attach-tgw-workload"))->setSelected(true);
        compare(view, "with a selection", &picture);
        const QImage selected = picture;
        QVERIFY(selected != opened);
        m_scene->highlightPath({Id("ec2-analysis-a"), Id("vpc-workload"), Id("tgw-tokyo")});
        m_scene->elementItem(Id("nfw-egress"))->setBadge(ui::ElementItem::Badge::Error);
        m_scene->elementItem(Id("subnet-work-a-private"))->setBadge(ui::ElementItem::Badge::Warning);
        compare(view, "with a highlighted path and badges", &picture);
        QVERIFY(picture != selected);

        // A view smaller than the design: containers wholly out of sight are skipped, those
        // partly in it drawn.
        ui::DesignView small;
        small.setScene(m_scene.get());
        small.resize(150, 100);
        small.show();
        QVERIFY(QTest::qWaitForWindowExposed(&small));
        small.setTransform(QTransform::fromScale(0.125, 0.125));
        const QRectF design = m_scene->designRect();
        small.centerOn(design.left() + design.width() * 0.7, design.top() + design.height() * 0.6);
        QVERIFY(small.paintsOverview());
        QVERIFY(!small.mapToScene(small.viewport()->rect()).boundingRect().contains(design));
        compare(small, "partly out of sight", &picture);
    }

    void referenceScreenshotMatches()
    {
        // The canvas of the reference design rendered at a fixed size, compared with the
        // stored image pixel by pixel: a few percent may differ (antialiasing), no more.
        QImage image(1600, 1000, QImage::Format_RGB32);
        image.fill(Qt::white);
        {
            QPainter painter(&image);
            painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
            m_scene->render(&painter, QRectF(image.rect()), m_scene->designRect());
        }
        const QString stored = tests::sourcePath(QStringLiteral("tests/data/screenshots/reference-tokyo.png"));
        if (qEnvironmentVariableIsSet("HEIIKI_UPDATE_SCREENSHOTS")) {
            QDir().mkpath(QFileInfo(stored).absolutePath());
            QVERIFY(image.save(stored));
        }
        QImage expected(stored);
        QVERIFY2(!expected.isNull(), "no stored screenshot; run with HEIIKI_UPDATE_SCREENSHOTS=1");
        expected = expected.convertToFormat(QImage::Format_RGB32);
        QCOMPARE(expected.size(), image.size());
        qint64 differing = 0;
        for (int y = 0; y < image.height(); ++y) {
            const auto *a = reinterpret_cast<const QRgb *>(image.constScanLine(y));
            const auto *b = reinterpret_cast<const QRgb *>(expected.constScanLine(y));
            for (int x = 0; x < image.width(); ++x) {
                const int d = std::abs(qRed(a[x]) - qRed(b[x])) + std::abs(qGreen(a[x]) - qGreen(b[x]))
                              + std::abs(qBlue(a[x]) - qBlue(b[x]));
                if (d > 96)
                    ++differing;
            }
        }
        const double share = double(differing) / (image.width() * image.height());
        if (share >= 0.01)
            image.save(QDir::temp().filePath(QStringLiteral("reference-tokyo-actual.png")));
        QVERIFY2(share < 0.01, qPrintable(QStringLiteral("%1% of the pixels differ; see %2")
                                               .arg(share * 100, 0, 'f', 2)
                                               .arg(QDir::temp().filePath(QStringLiteral("reference-tokyo-actual.png")))));
    }

private:
    std::unique_ptr<ui::DesignDocument> m_document;
    std::unique_ptr<ui::DesignScene> m_scene;
};

int main(int argc, char **argv)
{
    QApplication::setAttribute(Qt::AA_Use96Dpi);
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("HeiikiTests"));
    QApplication::setApplicationName(QStringLiteral("tst_designer"));
    TestDesigner test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_designer.moc"
