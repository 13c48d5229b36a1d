-- Every objective carries its Government Security Classifications marking (0 OFFICIAL, 1 OFFICIAL-SENSITIVE), and the
-- partners (by name, as in plans.partners) it is shared with: a partner user sees only objectives shared with them.
ALTER TABLE plans.objectives ADD COLUMN marking integer NOT NULL DEFAULT 0;
ALTER TABLE plans.objectives ADD COLUMN shared_with text[] NOT NULL DEFAULT '{}';
