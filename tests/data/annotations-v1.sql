-- A database as Pizhu's schema version 1 left it: no re-anchoring record, no search index.
-- annotations-v1.sqlite is made from this file with
--   sqlite3 annotations-v1.sqlite < annotations-v1.sql
-- and tst_annotationstore checks that opening it migrates to the current version, keeping every row.
PRAGMA journal_mode = DELETE;
BEGIN;
CREATE TABLE documents (
  id INTEGER PRIMARY KEY,
  hash TEXT NOT NULL UNIQUE,
  path TEXT NOT NULL DEFAULT '',
  title TEXT NOT NULL DEFAULT '',
  added TEXT NOT NULL,
  updated TEXT NOT NULL);
CREATE INDEX documents_path ON documents(path);
CREATE TABLE annotations (
  id INTEGER PRIMARY KEY,
  uuid TEXT NOT NULL UNIQUE,
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  part INTEGER NOT NULL DEFAULT 0,
  quote TEXT NOT NULL,
  prefix TEXT NOT NULL DEFAULT '',
  suffix TEXT NOT NULL DEFAULT '',
  start_offset INTEGER NOT NULL,
  end_offset INTEGER NOT NULL,
  section_path TEXT NOT NULL DEFAULT '',
  color TEXT NOT NULL DEFAULT 'yellow',
  note TEXT NOT NULL DEFAULT '',
  created TEXT NOT NULL,
  modified TEXT NOT NULL);
CREATE INDEX annotations_document ON annotations(document_id, start_offset);
CREATE TABLE tags (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);
CREATE TABLE annotation_tags (
  annotation_id INTEGER NOT NULL REFERENCES annotations(id) ON DELETE CASCADE,
  tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  PRIMARY KEY (annotation_id, tag_id)) WITHOUT ROWID;
CREATE INDEX annotation_tags_tag ON annotation_tags(tag_id);

INSERT INTO documents VALUES (1, 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
  '/home/reader/质量强国建设纲要.txt', '质量强国建设纲要', '2026-01-05T08:00:00.000Z', '2026-01-05T08:00:00.000Z');
INSERT INTO annotations VALUES (1, '6f1c1c1e-3d5a-4a55-9a59-0c1f6f0d2b01', 1, 0,
  '质量强国建设取得历史性成效', '以来，我国质量事业实现跨越式发展，', '。全民质量意识显著提高',
  120, 133, '质量强国建设纲要' || char(31) || '一、形势背景', 'green',
  '**要点**：成效的表述', '2026-01-05T08:01:00.000Z', '2026-01-05T08:02:00.000Z');
INSERT INTO annotations VALUES (2, '6f1c1c1e-3d5a-4a55-9a59-0c1f6f0d2b02', 1, 0,
  '中国品牌影响力稳步提升', '到2025年，质量整体水平进一步全面提高，', '，人民群众质量获得感',
  400, 411, '质量强国建设纲要' || char(31) || '二、总体要求', 'pink',
  '', '2026-01-05T08:03:00.000Z', '2026-01-05T08:03:00.000Z');
INSERT INTO tags VALUES (1, '目标'), (2, '品牌');
INSERT INTO annotation_tags VALUES (1, 1, 0), (2, 2, 0), (2, 1, 1);
PRAGMA user_version = 1;
COMMIT;
