#include "statusicons.h"

#include <QCoreApplication>
#include <QPainter>
#include <QPainterPath>
#include <QPixmap>

#include <array>

namespace heiiki::ui::statusicons {

namespace {

constexpr int kStatusCount = static_cast<int>(Status::Stopped) + 1;

std::array<QIcon, kStatusCount> &cache()
{
    static std::array<QIcon, kStatusCount> icons;
    static const bool registered = [] {
        // No pixmap may outlive the application object.
        qAddPostRoutine([] { icons = {}; });
        return true;
    }();
    Q_UNUSED(registered)
    return icons;
}

QPainterPath shield(const QRectF &r)
{
    QPainterPath path;
    path.moveTo(r.center().x(), r.top());
    path.lineTo(r.right(), r.top() + r.height() * 0.18);
    path.cubicTo(r.right(),
                 r.top() + r.height() * 0.62,
                 r.center().x() + r.width() * 0.25,
                 r.bottom() - r.height() * 0.1,
                 r.center().x(),
                 r.bottom());
    path.cubicTo(r.center().x() - r.width() * 0.25,
                 r.bottom() - r.height() * 0.1,
                 r.left(),
                 r.top() + r.height() * 0.62,
                 r.left(),
                 r.top() + r.height() * 0.18);
    path.closeSubpath();
    return path;
}

void drawCheck(QPainter &p, const QRectF &r, qreal width)
{
    p.setPen(QPen(Qt::white, width, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    QPainterPath check;
    check.moveTo(r.left() + r.width() * 0.28, r.top() + r.height() * 0.52);
    check.lineTo(r.left() + r.width() * 0.44, r.top() + r.height() * 0.68);
    check.lineTo(r.left() + r.width() * 0.74, r.top() + r.height() * 0.36);
    p.drawPath(check);
}

void drawCross(QPainter &p, const QRectF &r, qreal width)
{
    p.setPen(QPen(Qt::white, width, Qt::SolidLine, Qt::RoundCap));
    const qreal a = 0.34, b = 0.66;
    p.drawLine(QPointF(r.left() + r.width() * a, r.top() + r.height() * a),
               QPointF(r.left() + r.width() * b, r.top() + r.height() * b));
    p.drawLine(QPointF(r.left() + r.width() * b, r.top() + r.height() * a),
               QPointF(r.left() + r.width() * a, r.top() + r.height() * b));
}

QPixmap draw(Status status, int size)
{
    QPixmap pixmap(size, size);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    const qreal s = size;
    const QRectF box(s * 0.06, s * 0.06, s * 0.88, s * 0.88);
    const qreal stroke = qMax(1.5, s * 0.13);
    const QColor fill = colour(status);
    p.setPen(Qt::NoPen);
    p.setBrush(fill);
    switch (status) {
    case Status::Error:
    case Status::Stopped:
        p.drawEllipse(box);
        if (status == Status::Error) {
            drawCross(p, box, stroke);
        } else {
            // No entry: a white bar across the disc.
            p.setPen(QPen(Qt::white, stroke, Qt::SolidLine, Qt::RoundCap));
            p.drawLine(QPointF(box.left() + box.width() * 0.27, box.center().y()),
                       QPointF(box.right() - box.width() * 0.27, box.center().y()));
        }
        break;
    case Status::Warning: {
        QPainterPath triangle;
        const QRectF t(s * 0.03, s * 0.08, s * 0.94, s * 0.84);
        triangle.moveTo(t.center().x(), t.top());
        triangle.lineTo(t.right(), t.bottom());
        triangle.lineTo(t.left(), t.bottom());
        triangle.closeSubpath();
        p.setPen(QPen(fill, s * 0.08, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        p.drawPath(triangle);
        const QColor mark(0x3b, 0x2a, 0x00);
        p.setPen(QPen(mark, stroke * 0.9, Qt::SolidLine, Qt::RoundCap));
        p.drawLine(QPointF(s / 2, t.top() + t.height() * 0.36),
                   QPointF(s / 2, t.top() + t.height() * 0.64));
        p.setPen(Qt::NoPen);
        p.setBrush(mark);
        p.drawEllipse(QPointF(s / 2, t.top() + t.height() * 0.83), stroke * 0.5, stroke * 0.5);
        break;
    }
    case Status::Info: {
        p.drawEllipse(box);
        p.setPen(QPen(Qt::white, stroke, Qt::SolidLine, Qt::RoundCap));
        p.drawLine(QPointF(s / 2, s * 0.45), QPointF(s / 2, s * 0.72));
        p.setPen(Qt::NoPen);
        p.setBrush(Qt::white);
        p.drawEllipse(QPointF(s / 2, s * 0.29), stroke * 0.55, stroke * 0.55);
        break;
    }
    case Status::Blocked:
    case Status::Succeeds: {
        const QRectF r(s * 0.1, s * 0.03, s * 0.8, s * 0.94);
        p.drawPath(shield(r));
        if (status == Status::Blocked)
            drawCheck(p, r, stroke);
        else
            drawCross(p, r.adjusted(0, -s * 0.04, 0, -s * 0.04), stroke);
        break;
    }
    case Status::Delivered:
        p.drawEllipse(box);
        drawCheck(p, box, stroke);
        break;
    }
    return pixmap;
}

} // namespace

QIcon icon(Status status)
{
    QIcon &icon = cache().at(static_cast<size_t>(status));
    if (icon.isNull())
        for (int size : {16, 24, 32, 48})
            icon.addPixmap(draw(status, size));
    return icon;
}

QColor colour(Status status)
{
    switch (status) {
    case Status::Error:
    case Status::Succeeds:
    case Status::Stopped:
        return QColor(0xc4, 0x2b, 0x1c);
    case Status::Warning:
        return QColor(0xe8, 0xa3, 0x00);
    case Status::Info:
        return QColor(0x1f, 0x6f, 0xc5);
    case Status::Blocked:
    case Status::Delivered:
        return QColor(0x1e, 0x7e, 0x34);
    }
    return {};
}

Status of(model::Severity severity)
{
    switch (severity) {
    case model::Severity::Error:
        return Status::Error;
    case model::Severity::Warning:
        return Status::Warning;
    case model::Severity::Info:
        return Status::Info;
    }
    return Status::Info;
}

QString severityLabel(model::Severity severity)
{
    switch (severity) {
    case model::Severity::Error:
        return QCoreApplication::translate("heiiki::ui::statusicons", "Error");
    case model::Severity::Warning:
        return QCoreApplication::translate("heiiki::ui::statusicons", "Warning");
    case model::Severity::Info:
        return QCoreApplication::translate("heiiki::ui::statusicons", "Info");
    }
    return {};
}

} // namespace heiiki::ui::statusicons
