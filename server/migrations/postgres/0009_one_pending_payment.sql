-- An order has one live payment at a time (issue 15). Duplicate pending payments that
-- concurrent checkouts of one order left behind are closed as failed (none was paid), keeping
-- the newest; then the database refuses a second pending payment for an order.
UPDATE payments SET status = 'failed'
WHERE status = 'pending'
  AND id NOT IN (SELECT MAX(id) FROM payments WHERE status = 'pending' GROUP BY order_id);

CREATE UNIQUE INDEX payments_one_pending ON payments(order_id) WHERE status = 'pending';
