/** Agency contacts: one person per agency, set by editors, audited; read only by the roles allowed to (ACCESS.edit). */
import { Injectable } from '@nestjs/common';
import { appendAudit, type Actor } from '@ogi/database';
import { DataSource } from 'typeorm';
import { toId } from '../../common/graphql/ids.js';
import { BriefingException } from './briefing.exception.js';
import type { AgencyContactModel } from './models/follow-up.model.js';

interface ContactRow {
  agency_id: number;
  person: string;
  phone: string | null;
  email: string | null;
  updated_by: string;
  updated_at: Date;
}

const toModel = (r: ContactRow): AgencyContactModel => ({
  agencyId: toId(r.agency_id),
  person: r.person,
  phone: r.phone,
  email: r.email,
  updatedBy: r.updated_by,
  updatedAt: r.updated_at.toISOString(),
});

@Injectable()
export class ContactsService {
  constructor(private readonly dataSource: DataSource) {}

  async of(agencyIds: readonly number[] | null): Promise<AgencyContactModel[]> {
    const rows = await this.dataSource.query<ContactRow[]>(
      `SELECT c.* FROM agency_contact c JOIN agency a ON a.id = c.agency_id WHERE $1::int[] IS NULL OR c.agency_id = ANY($1::int[]) ORDER BY a.name, a.id`,
      [agencyIds ? [...agencyIds] : null],
    );
    return rows.map(toModel);
  }

  /** Sets an agency's contact (an empty person removes it); audited with before and after. */
  async set(agencyId: number, input: { person: string; phone: string | null; email: string | null }, actor: Actor): Promise<AgencyContactModel | null> {
    const person = input.person.trim();
    const phone = input.phone?.trim() || null;
    const email = input.email?.trim() || null;
    if (!person && (phone || email)) {
      throw new BriefingException(
        'INVALID_CONTACT',
        '请填写联系人姓名；只有电话或邮箱的联系人无法保存。Name the person: a phone or e-mail alone cannot be saved.',
      );
    }
    return this.dataSource.transaction(async (m) => {
      const agency = (await m.query(`SELECT id FROM agency WHERE id = $1 FOR UPDATE`, [agencyId])) as { id: number }[];
      if (!agency.length) throw BriefingException.agencyNotFound(toId(agencyId));
      const [before] = (await m.query(`SELECT * FROM agency_contact WHERE agency_id = $1`, [agencyId])) as ContactRow[];
      let after: ContactRow | null = null;
      if (person) {
        [after = null] = (await m.query(
          `INSERT INTO agency_contact (agency_id, person, phone, email, updated_by) VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (agency_id) DO UPDATE SET person = EXCLUDED.person, phone = EXCLUDED.phone, email = EXCLUDED.email,
             updated_by = EXCLUDED.updated_by, updated_at = now()
           RETURNING *`,
          [agencyId, person, phone, email, actor.name],
        )) as ContactRow[];
      } else {
        await m.query(`DELETE FROM agency_contact WHERE agency_id = $1`, [agencyId]);
      }
      const shown = (r: ContactRow | null | undefined) => (r ? { person: r.person, phone: r.phone, email: r.email } : null);
      await appendAudit(m, { actor, action: 'contact.set', before: shown(before), after: shown(after), detail: { agencyId } });
      return after ? toModel(after) : null;
    });
  }
}
