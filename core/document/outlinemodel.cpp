#include "outlinemodel.h"

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace Pizhu {

OutlineModel::OutlineModel(const Document *doc, QObject *parent) : QAbstractItemModel(parent)
{
    setDocument(doc);
}

void OutlineModel::setDocument(const Document *doc)
{
    beginResetModel();
    m_doc = doc;
    rebuild();
    endResetModel();
}

void OutlineModel::rebuild()
{
    m_entries.clear();
    m_roots.clear();
    if (!m_doc)
        return;
    const QList<OutlineNode> &outline = m_doc->outline();
    for (int r = 0; r < outline.size(); ++r)
        m_roots.append(addEntry(outline.at(r), -1, r));
}

int OutlineModel::addEntry(const OutlineNode &node, int parent, int row)
{
    const QList<Block> &blocks = m_doc->parts().at(node.part).blocks;
    Entry entry;
    entry.node = &node;
    entry.parent = parent;
    entry.row = row;
    if (node.block >= 0) {
        const Block &block = blocks.at(node.block);
        entry.textStart = block.textStart;
        entry.textEnd = block.textStart + block.text.size();
    } else if (!blocks.isEmpty()) {
        entry.textStart = blocks.first().textStart;
        entry.textEnd = blocks.last().textStart + blocks.last().text.size();
    }
    const int id = int(m_entries.size());
    m_entries.append(entry);
    for (int r = 0; r < node.children.size(); ++r) {
        const int child = addEntry(node.children.at(r), id, r);
        m_entries[id].children.append(child);
    }
    return id;
}

QModelIndex OutlineModel::indexForEntry(int entry) const
{
    if (entry < 0 || entry >= m_entries.size())
        return {};
    return createIndex(m_entries.at(entry).row, 0, quintptr(entry));
}

QModelIndex OutlineModel::indexForOffset(qsizetype offset) const
{
    if (m_entries.isEmpty() || offset < 0 || offset > m_doc->text().size())
        return {};
    // Entries are in text order, so the last one starting at or before offset is the innermost
    // candidate; ties (a part whose first block is a heading) resolve to the deeper node.
    auto it = std::upper_bound(m_entries.cbegin(), m_entries.cend(), offset,
        [](qsizetype off, const Entry &e) { return off < e.textStart; });
    if (it == m_entries.cbegin())
        return {};
    int id = int(it - m_entries.cbegin()) - 1;
    // An item covers only its own block; the text after it belongs to the enclosing section.
    while (id >= 0 && m_entries.at(id).node->kind == OutlineNode::Kind::Item
        && offset > m_entries.at(id).textEnd)
        id = m_entries.at(id).parent;
    // The offset may lie past the end of the part found (the separator before the next part).
    int root = id;
    while (root >= 0 && m_entries.at(root).parent >= 0)
        root = m_entries.at(root).parent;
    if (root < 0 || offset > m_entries.at(root).textEnd)
        return {};
    return indexForEntry(id);
}

QModelIndex OutlineModel::sectionAfter(qsizetype offset) const
{
    auto it = std::upper_bound(m_entries.cbegin(), m_entries.cend(), offset,
        [](qsizetype off, const Entry &e) { return off < e.textStart; });
    for (; it != m_entries.cend(); ++it)
        if (it->node->kind != OutlineNode::Kind::Item)
            return indexForEntry(int(it - m_entries.cbegin()));
    return {};
}

QModelIndex OutlineModel::sectionBefore(qsizetype offset) const
{
    auto it = std::lower_bound(m_entries.cbegin(), m_entries.cend(), offset,
        [](const Entry &e, qsizetype off) { return e.textStart < off; });
    while (it != m_entries.cbegin()) {
        --it;
        if (it->node->kind != OutlineNode::Kind::Item)
            return indexForEntry(int(it - m_entries.cbegin()));
    }
    return {};
}

QModelIndex OutlineModel::indexForBlock(int part, int block) const
{
    for (int id = 0; id < m_entries.size(); ++id) {
        const OutlineNode *node = m_entries.at(id).node;
        if (node->part == part && node->block == block)
            return indexForEntry(id);
    }
    return {};
}

QModelIndex OutlineModel::index(int row, int column, const QModelIndex &parent) const
{
    if (column != 0 || row < 0)
        return {};
    const QList<int> &siblings = parent.isValid() ? m_entries.at(int(parent.internalId())).children : m_roots;
    if (row >= siblings.size())
        return {};
    return createIndex(row, 0, quintptr(siblings.at(row)));
}

QModelIndex OutlineModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    return indexForEntry(m_entries.at(int(child.internalId())).parent);
}

int OutlineModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_roots.size());
    if (parent.column() != 0)
        return 0;
    return int(m_entries.at(int(parent.internalId())).children.size());
}

int OutlineModel::columnCount(const QModelIndex &) const
{
    return 1;
}

QVariant OutlineModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Entry &entry = m_entries.at(int(index.internalId()));
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        return entry.node->title;
    case KindRole:
        return int(entry.node->kind);
    case PartRole:
        return entry.node->part;
    case BlockRole:
        return entry.node->block;
    case TextOffsetRole:
        return entry.textStart;
    case DepthRole:
        return entry.node->depth;
    default:
        return {};
    }
}

QHash<int, QByteArray> OutlineModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractItemModel::roleNames();
    names.insert(KindRole, "kind");
    names.insert(PartRole, "part");
    names.insert(BlockRole, "block");
    names.insert(TextOffsetRole, "textOffset");
    names.insert(DepthRole, "depth");
    return names;
}

} // namespace Pizhu
