#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace Pizhu {

// Writes indented JSON (UTF-8, four spaces a level) straight into a byte array. Building a
// QJsonDocument for ten thousand annotations costs ten times as long as writing the text, and
// an export must stay fast; reading back is still QJsonDocument's job.
//
// The caller keeps the structure valid: keys only inside objects, values after keys or inside
// arrays, every begin matched by an end.
class JsonWriter
{
public:
    void beginObject();
    void endObject();
    void beginArray();
    void endArray();
    void key(const char *name); // ASCII names, written as given
    void value(const QString &text);
    void value(qint64 number);

    void reserve(qsizetype bytes) { m_out.reserve(bytes); }
    QByteArray take();

private:
    void element(); // the separator and indentation before an array element or a key
    void close(char bracket);

    QByteArray m_out;
    QList<bool> m_hasElements; // one flag per open object or array
    bool m_afterKey = false;
};

} // namespace Pizhu
