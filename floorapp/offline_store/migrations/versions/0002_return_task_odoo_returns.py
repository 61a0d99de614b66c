"""Returns to inspect pulled from Odoo: the return picking, the delivery's name and Odoo's state on a return task.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-27

Additive (nullable columns, one unique index): an older FloorApp still opens the file, so the major stays.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0002'
down_revision: str | Sequence[str] | None = '0001'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('return_task', schema=None) as batch_op:
        batch_op.add_column(sa.Column('return_picking_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('delivery_name', sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column('odoo_state', sa.String(length=16), nullable=True))
        batch_op.create_unique_constraint(batch_op.f('uq_return_task_return_picking_id'), ['return_picking_id'])


def downgrade() -> None:
    with op.batch_alter_table('return_task', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('uq_return_task_return_picking_id'), type_='unique')
        batch_op.drop_column('odoo_state')
        batch_op.drop_column('delivery_name')
        batch_op.drop_column('return_picking_id')
