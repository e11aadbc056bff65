#include "tracepanel.h"

#include "designnames.h"
#include "statusicons.h"
#include "traceresultview.h"

#include "ui/document/designdocument.h"

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

namespace heiiki::ui {

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
    m_from->setCurrentIndex(m_from->findData(internetKey()));
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
