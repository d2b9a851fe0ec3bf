import { errorFamily } from '@ogi/domain';

export enum AgenciesErrorCode {
  AGENCY_NOT_FOUND = 'AGENCY_NOT_FOUND',
  NAME_TAKEN = 'NAME_TAKEN',
  ALIAS_TAKEN = 'ALIAS_TAKEN',
  PARENT_CYCLE = 'PARENT_CYCLE',
  PROPOSAL_NOT_FOUND = 'PROPOSAL_NOT_FOUND',
  PROPOSAL_RESOLVED = 'PROPOSAL_RESOLVED',
  NO_PROPOSED_AGENCY = 'NO_PROPOSED_AGENCY',
}

export class AgenciesException extends errorFamily<AgenciesErrorCode>({
  [AgenciesErrorCode.AGENCY_NOT_FOUND]: 'NOT_FOUND',
  [AgenciesErrorCode.NAME_TAKEN]: 'BAD_USER_INPUT',
  [AgenciesErrorCode.ALIAS_TAKEN]: 'BAD_USER_INPUT',
  [AgenciesErrorCode.PARENT_CYCLE]: 'BAD_USER_INPUT',
  [AgenciesErrorCode.PROPOSAL_NOT_FOUND]: 'NOT_FOUND',
  [AgenciesErrorCode.PROPOSAL_RESOLVED]: 'BAD_USER_INPUT',
  [AgenciesErrorCode.NO_PROPOSED_AGENCY]: 'BAD_USER_INPUT',
}) {
  static notFound(id: string): AgenciesException {
    return new AgenciesException(AgenciesErrorCode.AGENCY_NOT_FOUND, `找不到该机关（id ${id}）。No agency with id ${id}.`, { id });
  }

  static nameTaken(name: string): AgenciesException {
    return new AgenciesException(
      AgenciesErrorCode.NAME_TAKEN,
      `名称“${name}”已被另一个机关使用（作为名称或别名）。The name "${name}" is already another agency's name or alias.`,
      { name },
    );
  }

  static aliasTaken(alias: string): AgenciesException {
    return new AgenciesException(AgenciesErrorCode.ALIAS_TAKEN, `别名“${alias}”已属于另一个机关。The alias "${alias}" already belongs to another agency.`, {
      alias,
    });
  }

  static parentCycle(id: string, parentId: string): AgenciesException {
    return new AgenciesException(
      AgenciesErrorCode.PARENT_CYCLE,
      `不能把机关设为自身或其下级机关的下级。An agency cannot be placed under itself or one of its own subordinates.`,
      { id, parentId },
    );
  }

  static proposalNotFound(id: string): AgenciesException {
    return new AgenciesException(AgenciesErrorCode.PROPOSAL_NOT_FOUND, `找不到该匹配建议（id ${id}）。No agency-match proposal with id ${id}.`, { id });
  }

  static proposalResolved(id: string, status: string): AgenciesException {
    return new AgenciesException(
      AgenciesErrorCode.PROPOSAL_RESOLVED,
      `该匹配建议已处理（${status === 'confirmed' ? '已确认' : '已驳回'}）。This proposal has already been ${status}.`,
      { id, status },
    );
  }

  static noProposedAgency(id: string): AgenciesException {
    return new AgenciesException(
      AgenciesErrorCode.NO_PROPOSED_AGENCY,
      '该建议没有推荐的机关：请指定要合并到的机关（agencyId）。This proposal names no agency: give the agency to merge into (agencyId).',
      { id },
    );
  }
}
