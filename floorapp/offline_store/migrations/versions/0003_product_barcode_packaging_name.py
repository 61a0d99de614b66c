"""The scan index carries a packaging's name: a case scan reads one table, not two.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-27

Additive (one nullable column, filled from ``packaging``): an older FloorApp still opens the file, so the major
stays. The next pull that changes a product or a packaging rebuilds the index with the column written.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0003'
down_revision: str | Sequence[str] | None = '0002'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('product_barcode', schema=None) as batch_op:
        batch_op.add_column(sa.Column('packaging_name', sa.String(length=128), nullable=True))
    op.execute(
        "UPDATE product_barcode SET packaging_name = "
        "(SELECT name FROM packaging WHERE packaging.id = product_barcode.packaging_id) "
        "WHERE packaging_id IS NOT NULL"
    )


def downgrade() -> None:
    with op.batch_alter_table('product_barcode', schema=None) as batch_op:
        batch_op.drop_column('packaging_name')
