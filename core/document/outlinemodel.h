#pragma once

#include "document.h"

#include <QAbstractItemModel>
#include <QList>

namespace Pizhu {

// The document's outline as a tree: one top-level row per part, headings and items beneath.
// Reads the Document it is given and never changes it; the Document must outlive the model or be
// replaced through setDocument().
class OutlineModel final : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Role {
        KindRole = Qt::UserRole + 1, // OutlineNode::Kind as int
        PartRole, // index into Document::parts()
        BlockRole, // index into Part::blocks, -1 for a part
        TextOffsetRole, // offset of the node's first character in Document::text()
        DepthRole,
    };

    explicit OutlineModel(const Document *doc = nullptr, QObject *parent = nullptr);

    void setDocument(const Document *doc);
    const Document *document() const { return m_doc; }

    // The innermost node whose section holds offset of Document::text(): the last heading (or
    // item, while inside its own block) starting at or before it, else the part. Invalid when the
    // offset lies outside every part.
    QModelIndex indexForOffset(qsizetype offset) const;
    // The first section (part or heading, not item) starting after offset, and the last one
    // starting before it: where "next section" and "previous section" go.
    QModelIndex sectionAfter(qsizetype offset) const;
    QModelIndex sectionBefore(qsizetype offset) const;
    // The node for a block, or for a part when block is -1; invalid if that block has no node.
    QModelIndex indexForBlock(int part, int block) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    // Nodes flattened in document (pre-)order, so offsets ascend with the index; the tree's
    // internal ids are indices into this list.
    struct Entry
    {
        const OutlineNode *node = nullptr;
        int parent = -1; // entry index, -1 for a part
        int row = 0;
        qsizetype textStart = 0;
        qsizetype textEnd = 0; // end of the node's own block
        QList<int> children;
    };

    void rebuild();
    int addEntry(const OutlineNode &node, int parent, int row);
    QModelIndex indexForEntry(int entry) const;

    const Document *m_doc = nullptr;
    QList<Entry> m_entries;
    QList<int> m_roots;
};

} // namespace Pizhu
