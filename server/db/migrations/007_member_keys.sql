-- Imports count each row's foreign keys as they write it (db/gateway.ts, beginBulk): deleting a member or a group
-- then looks up the rows that name it, which without these indexes was a scan of each list table per row deleted.
CREATE INDEX snapshot_members_member ON snapshot_members (member_id);
CREATE INDEX snapshot_members_group_id ON snapshot_members (group_id);
CREATE INDEX snapshot_member_areas_member ON snapshot_member_areas (member_id);
CREATE INDEX hub_listings_member ON hub_listings (member_id);
