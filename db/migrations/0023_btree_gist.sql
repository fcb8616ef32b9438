-- Lets the case search's GiST index lead with the office (a btree-like column) before the name's trigrams.
CREATE EXTENSION IF NOT EXISTS btree_gist;
