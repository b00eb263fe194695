"""add industry_code to companies table

Revision ID: a94f3e1c5b03
Revises: 7d2e4b6a8c02
"""
from alembic import op
import sqlalchemy as sa

revision = "a94f3e1c5b03"
down_revision = "7d2e4b6a8c02"


def upgrade():
    op.add_column("companies", sa.Column("industry_code", sa.Text))
    op.create_index("ix_companies_industry_code", "companies", ["industry_code"])


def downgrade():
    op.drop_index("ix_companies_industry_code", table_name="companies")
    op.drop_column("companies", "industry_code")
