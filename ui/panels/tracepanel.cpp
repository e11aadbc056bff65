#include "tracepanel.h"

#include "designnames.h"
#include "statusicons.h"
#include "traceresultview.h"

#include "ui/document/designdocument.h"
#include "ui/kindicons.h"

#include "model/network/pathengine.h"
#include "model/network/topology.h"
#include "model/query/pathquerytext.h"

#include <QComboBox>
#include <QCompleter>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include <algorithm>
#include <unordered_set>

namespace heiiki::ui {

namespace {

using model::ElementKind;

const QString kInternet = QStringLiteral("internet");

/// Kinds that open connections: what the From field offers (with every flow's source).
bool isSourceKind(ElementKind kind)
{
    switch (kind) {
    case ElementKind::Ec2Instance:
    case ElementKind::LoadBalancer:
    case ElementKind::NatGateway:
    case ElementKind::Operator:
    case ElementKind::CorporateDc:
    case ElementKind::Saas:
    case ElementKind::ThirdPartyHub:
        return true;
    default:
        return false;
    }
}

/// Kinds no packet is addressed to: left out of the To field's list.
bool isTargetKind(ElementKind kind)
{
    switch (kind) {
    case ElementKind::Region:
    case ElementKind::Account:
    case ElementKind::AvailabilityZone:
    case ElementKind::SecurityGroup:
    case ElementKind::NetworkAcl:
    case ElementKind::IamUser:
    case ElementKind::IamGroup:
    case ElementKind::IamRole:
        return false;
    default:
        return true;
    }
}

struct Entry
{
    QString label;
    QString id;
    QIcon icon;
};

void fill(QComboBox *combo, const std::vector<Entry> &entries)
{
    combo->clear();
    for (const Entry &e : entries)
        combo->addItem(e.icon, e.label, e.id);
}

} // namespace

TracePanel::TracePanel(DesignDocument *document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_flow(new QComboBox(this))
    , m_from(new QComboBox(this))
    , m_fromError(new QLabel(this))
    , m_to(new QComboBox(this))
    , m_toError(new QLabel(this))
    , m_port(new QSpinBox(this))
    , m_protocol(new QComboBox(this))
    , m_traceButton(new QPushButton(tr("Trace"), this))
    , m_resultView(new TraceResultView(this))
{
    m_flow->setObjectName(QStringLiteral("traceFlow"));
    m_flow->setToolTip(tr("Fill the fields from one of the design's declared flows"));
    m_flow->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_flow->setMinimumContentsLength(16);

    m_from->setObjectName(QStringLiteral("traceFrom"));
    m_from->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_from->setMinimumContentsLength(16);
    m_from->setToolTip(tr("Where the traffic starts: an element, or the internet"));

    m_to->setObjectName(QStringLiteral("traceTo"));
    m_to->setEditable(true);
    m_to->setInsertPolicy(QComboBox::NoInsert);
    m_to->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_to->setMinimumContentsLength(16);
    m_to->lineEdit()->setPlaceholderText(tr("Element, CIDR, domain or service"));
    m_to->lineEdit()->setClearButtonEnabled(true);
    m_to->completer()->setFilterMode(Qt::MatchContains);
    m_to->completer()->setCompletionMode(QCompleter::PopupCompletion);
    m_to->completer()->setCaseSensitivity(Qt::CaseInsensitive);
    m_to->setToolTip(tr("Where the traffic goes: an element, a CIDR or address "
                        "(10.0.0.0/16), a domain (example.com), an AWS service (s3, ssm) or "
                        "internet. Write service:NAME or domain:NAME to say which."));

    for (QLabel *error : {m_fromError, m_toError}) {
        error->setWordWrap(true);
        error->setTextFormat(Qt::PlainText);
        error->setStyleSheet(
            QStringLiteral("QLabel { color: %1; }").arg(statusicons::colour(Status::Error).name()));
        error->hide();
    }
    m_fromError->setObjectName(QStringLiteral("traceFromError"));
    m_toError->setObjectName(QStringLiteral("traceToError"));

    m_port->setObjectName(QStringLiteral("tracePort"));
    m_port->setRange(0, 65535);
    m_port->setValue(443);
    m_port->setAccelerated(true);
    m_protocol->setObjectName(QStringLiteral("traceProtocol"));
    m_protocol->addItem(tr("TCP"), QStringLiteral("tcp"));
    m_protocol->addItem(tr("UDP"), QStringLiteral("udp"));
    m_traceButton->setObjectName(QStringLiteral("traceButton"));
    m_traceButton->setDefault(true);

    auto *portRow = new QHBoxLayout;
    portRow->setSpacing(6);
    portRow->addWidget(m_port);
    auto *protocolLabel = new QLabel(tr("Protocol:"), this);
    protocolLabel->setBuddy(m_protocol);
    portRow->addSpacing(6);
    portRow->addWidget(protocolLabel);
    portRow->addWidget(m_protocol);
    portRow->addStretch(1);
    portRow->addWidget(m_traceButton);

    auto *form = new QFormLayout;
    form->setContentsMargins(6, 6, 6, 0);
    form->setHorizontalSpacing(8);
    form->setVerticalSpacing(4);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setLabelAlignment(Qt::AlignRight | Qt::AlignVCenter);
    form->addRow(tr("&Flow:"), m_flow);
    form->addRow(tr("F&rom:"), m_from);
    form->addRow(QString(), m_fromError);
    form->addRow(tr("&To:"), m_to);
    form->addRow(QString(), m_toError);
    auto *portLabel = new QLabel(tr("&Port:"), this);
    portLabel->setBuddy(m_port);
    form->addRow(portLabel, portRow);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    layout->addLayout(form);
    layout->addWidget(m_resultView, 1);
    setFocusProxy(m_from);

    connect(m_traceButton, &QPushButton::clicked, this, &TracePanel::trace);
    connect(m_to->lineEdit(), &QLineEdit::returnPressed, this, &TracePanel::trace);
    connect(m_flow, &QComboBox::activated, this, &TracePanel::applyFlow);
    connect(m_from, &QComboBox::currentIndexChanged, this, &TracePanel::fieldEdited);
    connect(m_to, &QComboBox::editTextChanged, this, [this](const QString &text) {
        if (m_to->currentIndex() >= 0 && m_to->itemText(m_to->currentIndex()) != text)
            showTypedTarget(text, true);
        else
            fieldEdited();
    });
    connect(m_port, &QSpinBox::valueChanged, this, &TracePanel::fieldEdited);
    connect(m_protocol, &QComboBox::currentIndexChanged, this, &TracePanel::fieldEdited);
    connect(m_resultView, &TraceResultView::hopActivated, this, [this](const model::Id &id) {
        emit focusRequested({id});
    });

    connect(document, &DesignDocument::elementAdded, this, &TracePanel::addEntry);
    connect(document, &DesignDocument::elementRemoved, this, &TracePanel::removeEntry);
    connect(document,
            &DesignDocument::elementChanged,
            this,
            [this](const model::Id &id, const QString &what) {
                if (what.contains(QLatin1String("name")))
                    relabel(id);
            });
    connect(document, &DesignDocument::designChanged, this, [this](const QString &what) {
        if (what.contains(QLatin1String("flows")))
            schedulePopulate();
    });
    connect(document, &DesignDocument::designReset, this, [this] {
        m_last.reset();
        clearResult();
        clearInputErrors();
        populate();
    });
    connect(document, &DesignDocument::validated, this, &TracePanel::retrace);
    populate();
}

void TracePanel::schedulePopulate()
{
    if (m_populateScheduled)
        return;
    m_populateScheduled = true;
    QMetaObject::invokeMethod(this, &TracePanel::populate, Qt::QueuedConnection);
}

void TracePanel::populate()
{
    m_populateScheduled = false;
    const model::Design &design = m_document->design();
    const QString from = m_from->currentData().toString();
    const QString to = targetText();

    std::unordered_set<model::Id> flowSources;
    for (const model::Flow &flow : design.flows())
        flowSources.insert(flow.source);
    std::vector<Entry> sources, targets;
    for (const auto &element : design.elements()) {
        const Entry entry{designnames::nameAndId(design, element->id),
                          QString::fromStdString(element->id.str()),
                          kindIcon(element->kind)};
        // Every flow's source, and the source chosen before (setFrom() takes any element).
        const bool flowSource = flowSources.count(element->id) > 0;
        if (isSourceKind(element->kind) || flowSource || entry.id == from)
            sources.push_back(entry);
        if (isTargetKind(element->kind))
            targets.push_back(entry);
    }
    auto byLabel = [](const Entry &a, const Entry &b) {
        return QString::localeAwareCompare(a.label, b.label) < 0;
    };
    std::sort(sources.begin(), sources.end(), byLabel);
    std::sort(targets.begin(), targets.end(), byLabel);
    const Entry internet{tr("Internet"), kInternet, kindIcon(ElementKind::InternetGateway)};
    sources.insert(sources.begin(), internet);
    targets.insert(targets.begin(), internet);

    {
        const QSignalBlocker fromBlocker(m_from);
        const QSignalBlocker toBlocker(m_to);
        fill(m_from, sources);
        // Keep the source; a new design starts from its first element rather than the internet.
        int index = m_from->findData(from);
        if (index < 0)
            index = m_from->count() > 1 ? 1 : 0;
        m_from->setCurrentIndex(index);
        fill(m_to, targets);
        const int target = m_to->findData(to);
        m_to->setCurrentIndex(target);
        if (target < 0)
            m_to->setEditText(to);
    }
    populateFlows();
}

int TracePanel::insertSorted(QComboBox *combo, const QIcon &icon, const QString &label,
                             const QString &key)
{
    // The entries after the internet are sorted by label, as populate() sorts them.
    int low = 1;
    int high = combo->count();
    while (low < high) {
        const int middle = (low + high) / 2;
        if (QString::localeAwareCompare(combo->itemText(middle), label) < 0)
            low = middle + 1;
        else
            high = middle;
    }
    const QSignalBlocker blocker(combo);
    combo->insertItem(low, icon, label, key);
    return low;
}

void TracePanel::relabel(const model::Id &id)
{
    // One entry moves; building the lists of a large design again would take a while.
    if (m_populateScheduled)
        return; // they are about to be built again anyway
    const QString key = QString::fromStdString(id.str());
    const QString label = designnames::nameAndId(m_document->design(), id);
    for (QComboBox *combo : {m_from, m_to}) {
        const int index = combo->findData(key);
        if (index < 1 || combo->itemText(index) == label) // 0 is the internet
            continue;
        const QSignalBlocker blocker(combo);
        const bool current = combo->currentIndex() == index;
        const QIcon icon = combo->itemIcon(index);
        combo->removeItem(index);
        const int placed = insertSorted(combo, icon, label, key);
        if (current)
            combo->setCurrentIndex(placed);
    }
    // The flow list shows flows' own names: an element's new name does not change it.
}

void TracePanel::addEntry(const model::Id &id)
{
    // One entry goes in at its place: sorting thousands of labels again would hold up a drop.
    if (m_populateScheduled)
        return;
    const model::Element *element = m_document->design().element(id);
    if (!element)
        return;
    const QString key = QString::fromStdString(id.str());
    const QString label = designnames::nameAndId(m_document->design(), id);
    // A new element is no flow's source yet (flows that name it come with a flows change).
    if (isSourceKind(element->kind) && m_from->findData(key) < 0)
        insertSorted(m_from, kindIcon(element->kind), label, key);
    if (isTargetKind(element->kind) && m_to->findData(key) < 0)
        insertSorted(m_to, kindIcon(element->kind), label, key);
}

void TracePanel::removeEntry(const model::Id &id)
{
    if (m_populateScheduled)
        return;
    const QString key = QString::fromStdString(id.str());
    for (QComboBox *combo : {m_from, m_to}) {
        const int index = combo->findData(key);
        if (index < 1)
            continue;
        if (combo->currentIndex() == index) {
            schedulePopulate(); // the chosen end goes: populate() picks another one
            return;
        }
        const QSignalBlocker blocker(combo);
        combo->removeItem(index);
    }
}

void TracePanel::populateFlows()
{
    const model::Design &design = m_document->design();
    const QString current = m_flow->currentData().toString();
    const QSignalBlocker blocker(m_flow);
    m_flow->clear();
    m_flow->addItem(design.flows().empty() ? tr("The design declares no flows")
                                           : tr("Choose a declared flow…"));
    for (const model::Flow &flow : design.flows()) {
        const Status status = flow.mustSucceed ? Status::Delivered : Status::Stopped;
        m_flow->addItem(statusicons::icon(status),
                        QString::fromStdString(flow.name),
                        QString::fromStdString(flow.id.str()));
        m_flow->setItemData(m_flow->count() - 1,
                            flow.mustSucceed ? tr("This flow must get through")
                                             : tr("This flow must be impossible"),
                            Qt::ToolTipRole);
    }
    m_flow->setEnabled(!design.flows().empty());
    m_flow->setCurrentIndex(std::max(0, m_flow->findData(current)));
}

void TracePanel::setFrom(const model::Id &id)
{
    const QString text = QString::fromStdString(id.str());
    int index = m_from->findData(text);
    if (index < 0 && m_document->design().element(id)) {
        // Not a usual source, but the user asked: the engine says whether it can send.
        m_from->addItem(designnames::icon(m_document->design(), id),
                        designnames::nameAndId(m_document->design(), id),
                        text);
        index = m_from->count() - 1;
    }
    if (index >= 0)
        m_from->setCurrentIndex(index);
}

void TracePanel::setFromInternet()
{
    m_from->setCurrentIndex(m_from->findData(kInternet));
}

void TracePanel::setTo(const model::Id &id)
{
    const QString text = QString::fromStdString(id.str());
    const int index = m_to->findData(text);
    if (index >= 0)
        m_to->setCurrentIndex(index);
    else
        showTypedTarget(text);
}

void TracePanel::setToText(const QString &text)
{
    const int index = m_to->findText(text, Qt::MatchFixedString);
    if (index >= 0) {
        m_to->setCurrentIndex(index);
        return;
    }
    showTypedTarget(text);
}

void TracePanel::showTypedTarget(const QString &text, bool typing)
{
    // Free text is no item: show no item's icon beside it.
    const int cursor = m_to->lineEdit()->cursorPosition();
    {
        const QSignalBlocker blocker(m_to);
        m_to->setCurrentIndex(-1);
        m_to->setEditText(text);
    }
    if (typing)
        m_to->lineEdit()->setCursorPosition(cursor);
    fieldEdited();
}

void TracePanel::setPort(int port)
{
    m_port->setValue(port);
}

void TracePanel::setProtocol(const QString &protocol)
{
    const int index = m_protocol->findData(protocol.toLower());
    if (index >= 0)
        m_protocol->setCurrentIndex(index);
}

bool TracePanel::setFlow(const model::Id &id)
{
    const int index = m_flow->findData(QString::fromStdString(id.str()));
    if (index <= 0)
        return false;
    m_flow->setCurrentIndex(index);
    applyFlow(index);
    return true;
}

void TracePanel::applyFlow(int index)
{
    const QString id = m_flow->itemData(index).toString();
    const model::Design &design = m_document->design();
    const auto &flows = design.flows();
    const auto flow = std::find_if(flows.begin(), flows.end(), [&](const model::Flow &f) {
        return f.id.str() == id.toStdString();
    });
    if (flow == flows.end())
        return;
    m_applyingFlow = true;
    setFrom(flow->source);
    using Kind = model::FlowTarget::Kind;
    if (flow->target.kind == Kind::Element) {
        setTo(model::Id(flow->target.value));
    } else {
        // Plain when the text reads as meant, else with the prefix that says what it is.
        using TargetKind = model::network::Target::Kind;
        const TargetKind wanted = flow->target.kind == Kind::Domain    ? TargetKind::Domain
                                  : flow->target.kind == Kind::Service ? TargetKind::Service
                                                                       : TargetKind::Cidr;
        const model::PathTarget plain = model::readPathTarget(design, flow->target.value);
        QString text = QString::fromStdString(flow->target.value);
        if (!plain.ok() || plain.target.kind != wanted)
            text.prepend(wanted == TargetKind::Domain    ? QStringLiteral("domain:")
                         : wanted == TargetKind::Service ? QStringLiteral("service:")
                                                         : QStringLiteral("cidr:"));
        setToText(text);
    }
    setPort(flow->port);
    setProtocol(QString::fromStdString(flow->protocol));
    m_applyingFlow = false;
    trace();
}

void TracePanel::fieldEdited()
{
    clearInputErrors();
    if (m_applyingFlow)
        return;
    const QSignalBlocker blocker(m_flow);
    m_flow->setCurrentIndex(0);
}

QString TracePanel::targetText() const
{
    const QString text = m_to->currentText().trimmed();
    if (text.isEmpty())
        return text;
    if (const int index = m_to->findText(text, Qt::MatchFixedString); index >= 0)
        return m_to->itemData(index).toString();
    // An element's name, when only one element has it.
    QString found;
    for (const auto &element : m_document->design().elements()) {
        if (QString::fromStdString(element->name) != text)
            continue;
        if (!found.isEmpty())
            return text;
        found = QString::fromStdString(element->id.str());
    }
    return found.isEmpty() ? text : found;
}

TracePanel::Request TracePanel::currentRequest() const
{
    return {m_from->currentData().toString(),
            targetText(),
            m_port->value(),
            m_protocol->currentData().toString()};
}

bool TracePanel::trace()
{
    const Request request = currentRequest();
    m_last = request;
    return run(request);
}

void TracePanel::retrace()
{
    // Only a trace that ran: a refused one waits for the user to correct the field.
    if (m_last && m_result)
        run(*m_last);
}

bool TracePanel::run(const Request &request)
{
    clearInputErrors();
    const model::Design &design = m_document->design();
    model::network::Query query;
    query.port = request.port;
    query.protocol = request.protocol.toStdString();

    bool ok = true;
    if (request.from.isEmpty()) {
        showInputError(m_fromError, tr("Choose where the traffic starts."));
        ok = false;
    } else if (!model::readPathSource(design, request.from.toStdString(), query)) {
        showInputError(m_fromError,
                       tr("\u201c%1\u201d is not an element of the design.").arg(request.from));
        ok = false;
    }
    const model::PathTarget target = model::readPathTarget(design, request.to.toStdString());
    if (request.to.isEmpty()) {
        showInputError(m_toError,
                       tr("Say where the traffic goes: an element, a CIDR or address, "
                          "a domain or an AWS service."));
        ok = false;
    } else if (target.problem == model::PathTargetProblem::BadCidr) {
        showInputError(m_toError,
                       tr("\u201c%1\u201d is not a valid CIDR: %2.")
                           .arg(request.to, QString::fromStdString(target.detail)));
        ok = false;
    } else if (target.problem == model::PathTargetProblem::Unknown) {
        showInputError(m_toError,
                       tr("\u201c%1\u201d is not an element, a CIDR, a domain or a known AWS "
                          "service. Write service:NAME or domain:NAME to say which.")
                           .arg(request.to));
        ok = false;
    }
    if (!ok) {
        clearResult();
        return false;
    }
    query.to = target.target;
    const model::network::Topology topology(design);
    const model::network::PathEngine engine(topology);
    m_result = engine.trace(query);
    highlight(m_resultView->showResult(design, *m_result));
    return true;
}

void TracePanel::clearResult()
{
    m_result.reset();
    m_resultView->clear();
    highlight({});
}

void TracePanel::showInputError(QLabel *label, const QString &text)
{
    label->setText(text);
    label->show();
}

void TracePanel::clearInputErrors()
{
    for (QLabel *label : {m_fromError, m_toError}) {
        label->clear();
        label->hide();
    }
}

void TracePanel::highlight(const QList<model::Id> &ids)
{
    if (ids == m_highlighted)
        return;
    m_highlighted = ids;
    emit pathHighlightRequested(ids);
}

} // namespace heiiki::ui
