#include "jsonwriter.h"

namespace Pizhu {

void JsonWriter::element()
{
    if (m_afterKey) {
        m_afterKey = false;
        return;
    }
    if (m_hasElements.isEmpty())
        return;
    m_out += m_hasElements.last() ? ",\n" : "\n";
    m_hasElements.last() = true;
    m_out.append(m_hasElements.size() * 4, ' ');
}

void JsonWriter::close(char bracket)
{
    const bool hadElements = m_hasElements.takeLast();
    if (hadElements) {
        m_out += '\n';
        m_out.append(m_hasElements.size() * 4, ' ');
    }
    m_out += bracket;
}

void JsonWriter::beginObject()
{
    element();
    m_out += '{';
    m_hasElements.append(false);
}

void JsonWriter::endObject()
{
    close('}');
}

void JsonWriter::beginArray()
{
    element();
    m_out += '[';
    m_hasElements.append(false);
}

void JsonWriter::endArray()
{
    close(']');
}

void JsonWriter::key(const char *name)
{
    element();
    m_out += '"';
    m_out += name;
    m_out += "\": ";
    m_afterKey = true;
}

void JsonWriter::value(const QString &text)
{
    element();
    const QByteArray utf8 = text.toUtf8();
    m_out += '"';
    static const char hex[] = "0123456789abcdef";
    const char *p = utf8.constData();
    const char *const end = p + utf8.size();
    while (p < end) {
        // Copy the run that needs no escaping in one go: nearly all of a Chinese text.
        const char *run = p;
        while (run < end && static_cast<unsigned char>(*run) >= 0x20 && *run != '"' && *run != '\\')
            ++run;
        m_out.append(p, run - p);
        if (run == end)
            break;
        const char c = *run;
        p = run + 1;
        const auto u = static_cast<unsigned char>(c);
        switch (c) {
        case '"':
            m_out += "\\\"";
            break;
        case '\\':
            m_out += "\\\\";
            break;
        case '\n':
            m_out += "\\n";
            break;
        case '\r':
            m_out += "\\r";
            break;
        case '\t':
            m_out += "\\t";
            break;
        case '\b':
            m_out += "\\b";
            break;
        case '\f':
            m_out += "\\f";
            break;
        default:
            if (u < 0x20) {
                m_out += "\\u00";
                m_out += hex[u >> 4];
                m_out += hex[u & 0xF];
            } else {
                m_out += c;
            }
        }
    }
    m_out += '"';
}

void JsonWriter::value(qint64 number)
{
    element();
    m_out += QByteArray::number(number);
}

QByteArray JsonWriter::take()
{
    m_out += '\n';
    return std::exchange(m_out, {});
}

} // namespace Pizhu
