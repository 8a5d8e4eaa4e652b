-- A hub's code of the 2024-2028 designation (issue 25): the hub finder's lists give it from 5 December 2023
-- (`EE2`), and from then on a hub is its code, whichever organisation runs it. Null on the 2021 list (its codes,
-- `EENEL2`, are another scheme: the member key keeps them) and on the finder's first list (none).
ALTER TABLE hub_listings ADD COLUMN code TEXT;
