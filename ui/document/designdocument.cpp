#include "designdocument.h"

#include "validationrunner.h"

#include "model/io/designfile.h"
#include "model/layout/autolayout.h"

#include <QFile>
#include <QFileInfo>
#include <QUndoStack>

namespace heiiki::ui {

/// Turns the model's announcements into the document's signals.
class DesignDocument::Adapter : public model::DesignObserver
{
public:
    explicit Adapter(DesignDocument *document)
        : m_document(document)
    {}

    void elementAdded(const model::Id &id) override
    {
        emit m_document->elementAdded(id);
        m_document->semanticChange();
    }
    void elementRemoved(const model::Id &id) override
    {
        m_document->m_selection.removeAll(id);
        emit m_document->elementRemoved(id);
        m_document->semanticChange();
    }
    void elementChanged(const model::Id &id, std::string_view what) override
    {
        emit m_document->elementChanged(id, QString::fromUtf8(what.data(),
                                                              qsizetype(what.size())));
        // No rule reads where an element stands on the canvas.
        if (what != "geometry")
            m_document->semanticChange();
    }
    void linkAdded(const model::Id &id) override
    {
        emit m_document->linkAdded(id);
        m_document->semanticChange();
    }
    void linkRemoved(const model::Id &id) override
    {
        m_document->m_selection.removeAll(id);
        emit m_document->linkRemoved(id);
        m_document->semanticChange();
    }
    void linkChanged(const model::Id &id) override
    {
        emit m_document->linkChanged(id);
        m_document->semanticChange();
    }
    void policyAdded(const model::Id &id) override
    {
        emit m_document->policyAdded(id);
        m_document->semanticChange();
    }
    void policyRemoved(const model::Id &id) override
    {
        m_document->m_selection.removeAll(id);
        emit m_document->policyRemoved(id);
        m_document->semanticChange();
    }
    void policyChanged(const model::Id &id) override
    {
        emit m_document->policyChanged(id);
        m_document->semanticChange();
    }
    void designChanged(std::string_view what) override
    {
        emit m_document->designChanged(QString::fromUtf8(what.data(), qsizetype(what.size())));
        m_document->semanticChange();
    }
    void designReset() override
    {
        emit m_document->designReset();
        m_document->semanticChange();
    }

private:
    DesignDocument *m_document;
};

DesignDocument::DesignDocument(QObject *parent)
    : QObject(parent)
    , m_design(std::make_unique<model::Design>())
    , m_adapter(std::make_unique<Adapter>(this))
    , m_undoStack(new QUndoStack(this))
    , m_validation(new ValidationRunner(this))
{
    m_design->addObserver(m_adapter.get());
    m_validation->track(m_design.get());
    connect(m_undoStack, &QUndoStack::cleanChanged, this,
            [this](bool clean) { emit modifiedChanged(!clean); });
    connect(m_validation, &ValidationRunner::finished, this, &DesignDocument::validated);
}

DesignDocument::~DesignDocument()
{
    // Commands may still refer to the design while the stack is torn down.
    m_undoStack->clear();
    m_validation->track(nullptr);
    m_design->removeObserver(m_adapter.get());
}

void DesignDocument::reset(model::Design design, const QString &path)
{
    // Give every element a box, so that the canvas can move and resize all of them.
    const model::Layout layout = model::autoLayout(design);
    for (const auto &element : design.elements()) {
        if (element->geometry)
            continue;
        if (auto it = layout.find(element->id); it != layout.end())
            design.element(element->id)->geometry = it->second;
    }
    m_undoStack->clear();
    m_selection.clear();
    // The design object stays: what follows it (validation's copy) hears of the reset.
    m_design->removeObserver(m_adapter.get());
    *m_design = std::move(design);
    m_design->addObserver(m_adapter.get());
    const QString previous = m_filePath;
    m_filePath = path.startsWith(QLatin1Char(':')) ? QString() : path;
    m_undoStack->setClean();
    emit designReset();
    emit selectionChanged();
    if (previous != m_filePath)
        emit filePathChanged(m_filePath);
    emit modifiedChanged(false);
    semanticChange();
}

QString DesignDocument::displayName() const
{
    if (!m_filePath.isEmpty())
        return QFileInfo(m_filePath).fileName();
    if (!m_design->settings().name.empty())
        return QString::fromStdString(m_design->settings().name);
    return tr("Untitled");
}

bool DesignDocument::isModified() const
{
    return !m_undoStack->isClean();
}

QString DesignDocument::saveAs(const QString &path)
{
    const std::string error =
        model::io::saveDesignFile(*m_design, QFile::encodeName(path).toStdString());
    if (!error.empty())
        return QString::fromStdString(error);
    const bool moved = path != m_filePath;
    m_filePath = path;
    m_undoStack->setClean();
    if (moved)
        emit filePathChanged(path);
    return {};
}

const std::vector<model::Finding> &DesignDocument::findings() const
{
    return m_validation->result().findings;
}

const std::vector<model::ScenarioResult> &DesignDocument::scenarios() const
{
    return m_validation->result().scenarios;
}

std::vector<const model::Finding *> DesignDocument::findingsFor(const model::Id &id) const
{
    std::vector<const model::Finding *> result;
    for (const auto &f : findings())
        if (std::find(f.elements.begin(), f.elements.end(), id) != f.elements.end())
            result.push_back(&f);
    return result;
}

void DesignDocument::setSelection(const QList<model::Id> &ids)
{
    if (ids == m_selection)
        return;
    m_selection = ids;
    emit selectionChanged();
}

void DesignDocument::semanticChange()
{
    // One command may announce many changes: validate once, when control returns to the loop.
    if (m_validationScheduled)
        return;
    m_validationScheduled = true;
    QMetaObject::invokeMethod(this, &DesignDocument::requestValidation, Qt::QueuedConnection);
}

void DesignDocument::requestValidation()
{
    if (!m_validationScheduled)
        return;
    m_validationScheduled = false;
    m_validation->request();
}

void DesignDocument::waitForValidation()
{
    requestValidation();
    m_validation->waitForIdle();
}

} // namespace heiiki::ui
