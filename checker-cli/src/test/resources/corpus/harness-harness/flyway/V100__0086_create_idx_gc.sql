--noop as gc_manifest_review_queue table doesn't exist in gitness
;
