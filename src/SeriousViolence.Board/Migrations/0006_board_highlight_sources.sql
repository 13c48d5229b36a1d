-- A strand with several registers (monthly returns, an investigations register, a request log) publishes each one's
-- highlights on its own (StrandHighlightsPublished.Source): one row per strand and source, so that one register's
-- publication never replaces another's. Existing rows are the strand's default source ('').
ALTER TABLE board.strand_highlights ADD COLUMN source text NOT NULL DEFAULT '';
ALTER TABLE board.strand_highlights DROP CONSTRAINT strand_highlights_pkey;
ALTER TABLE board.strand_highlights ADD PRIMARY KEY (strand_id, source);
