-- Version 19: 轮休交代 (R-HO-9, 001 客服中心值班制度 4): a person whose next day is a rest day
-- writes down matters and suggestions in the handover. Kept in the sealed handovers row, so the
-- column is in base/seal.rs LATER_COLUMNS.
ALTER TABLE handovers ADD COLUMN rest_notes TEXT NOT NULL DEFAULT '';
