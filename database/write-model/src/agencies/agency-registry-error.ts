import { errorFamily } from '@ogi/domain';

export enum AgencyRegistryErrorCode {
  AGENCY_NOT_FOUND = 'AGENCY_NOT_FOUND',
  NAME_TAKEN = 'NAME_TAKEN',
  ALIAS_TAKEN = 'ALIAS_TAKEN',
  PARENT_CYCLE = 'PARENT_CYCLE',
  PROPOSAL_NOT_FOUND = 'PROPOSAL_NOT_FOUND',
  PROPOSAL_RESOLVED = 'PROPOSAL_RESOLVED',
  NO_PROPOSED_AGENCY = 'NO_PROPOSED_AGENCY',
}

/** A change to the agency registry refused for a reason the editor can act on; nothing was changed. */
export class AgencyRegistryError extends errorFamily<AgencyRegistryErrorCode>({
  [AgencyRegistryErrorCode.AGENCY_NOT_FOUND]: 'NOT_FOUND',
  [AgencyRegistryErrorCode.NAME_TAKEN]: 'BAD_USER_INPUT',
  [AgencyRegistryErrorCode.ALIAS_TAKEN]: 'BAD_USER_INPUT',
  [AgencyRegistryErrorCode.PARENT_CYCLE]: 'BAD_USER_INPUT',
  [AgencyRegistryErrorCode.PROPOSAL_NOT_FOUND]: 'NOT_FOUND',
  [AgencyRegistryErrorCode.PROPOSAL_RESOLVED]: 'BAD_USER_INPUT',
  [AgencyRegistryErrorCode.NO_PROPOSED_AGENCY]: 'BAD_USER_INPUT',
}) {
  static notFound(id: string): AgencyRegistryError {
    return new AgencyRegistryError(AgencyRegistryErrorCode.AGENCY_NOT_FOUND, `找不到该机关（id ${id}）。No agency with id ${id}.`, { id });
  }

  static nameTaken(name: string): AgencyRegistryError {
    return new AgencyRegistryError(
      AgencyRegistryErrorCode.NAME_TAKEN,
      `名称“${name}”已被另一个机关使用（作为名称或别名）。The name "${name}" is already another agency's name or alias.`,
      { name },
    );
  }

  static aliasTaken(alias: string): AgencyRegistryError {
    return new AgencyRegistryError(
      AgencyRegistryErrorCode.ALIAS_TAKEN,
      `别名“${alias}”已属于另一个机关。The alias "${alias}" already belongs to another agency.`,
      {
        alias,
      },
    );
  }

  static parentCycle(id: string, parentId: string): AgencyRegistryError {
    return new AgencyRegistryError(
      AgencyRegistryErrorCode.PARENT_CYCLE,
      `不能把机关设为自身或其下级机关的下级。An agency cannot be placed under itself or one of its own subordinates.`,
      { id, parentId },
    );
  }

  static proposalNotFound(id: string): AgencyRegistryError {
    return new AgencyRegistryError(AgencyRegistryErrorCode.PROPOSAL_NOT_FOUND, `找不到该匹配建议（id ${id}）。No agency-match proposal with id ${id}.`, { id });
  }

  static proposalResolved(id: string, status: string): AgencyRegistryError {
    return new AgencyRegistryError(
      AgencyRegistryErrorCode.PROPOSAL_RESOLVED,
      `该匹配建议已处理（${status === 'confirmed' ? '已确认' : '已驳回'}）。This proposal has already been ${status}.`,
      { id, status },
    );
  }

  static noProposedAgency(id: string): AgencyRegistryError {
    return new AgencyRegistryError(
      AgencyRegistryErrorCode.NO_PROPOSED_AGENCY,
      '该建议没有推荐的机关：请指定要合并到的机关（agencyId）。This proposal names no agency: give the agency to merge into (agencyId).',
      { id },
    );
  }
}
