import type { Messages } from '../index';

/** English: move-in (procedure 1) and moving in (procedure 3), the service's words. */
const moveIn = {
  movein: {
    record: 'Move-in',
    movingInRecord: 'Moving in',
    title: 'Move-in',
    number: 'Move-in number',
    state: {
      open: 'In progress',
      not_handed_over: 'Not handed over',
      handed_over: 'Handed over',
      voided: 'Voided',
    },
    step: {
      identity: 'Identity',
      fees: 'Fees',
      copies: 'Copies',
      archive: 'Owner archive',
      keys: 'Keys',
      inspection: 'Inspection',
      handover: 'Handover',
      vacant: 'Unit set vacant',
    },
    reason: {
      owner_refused: 'Owner refused',
      defects: 'Defects to rectify',
      fees: 'Fees not paid',
    },
    deposit: {
      none: 'None',
      electricity: 'Electricity revolving deposit',
      water: 'Water revolving deposit',
    },
    copy: {
      id_card: 'Copy of the ID card',
      bank_card: 'Copy of the bank card',
      other: 'Other copies',
    },
    rectState: {
      open: 'Open',
      fixed: 'Fixed, awaiting the owner',
      accepted: 'Accepted by the owner',
    },
    register: {
      handed_over: 'Handed over',
      not_handed_over: 'Not handed over',
      in_progress: 'In progress',
      waiting: 'Notice sent, waiting',
      no_notice: 'No notice',
    },
    occupant: {
      owner: 'Owner',
      tenant: 'Tenant',
    },
    department: {
      security: 'Security',
      engineering: 'Engineering',
      cashier: 'Cashier',
    },
    movingInState: {
      notified: 'Notice awaiting receipts',
      received: 'Received by every department',
      voided: 'Voided',
    },
    ownerAnswer: {
      agreed: 'Agreed',
      refused: 'Refused',
      no_answer: 'No answer',
    },
    why: {
      closed: 'This move-in is closed',
      stepDone: 'This step is already done',
      order: 'Finish the step before first: {{step}}',
      void: 'The unit was handed over: the move-in cannot be voided',
      movingInVoid: 'This moving-in is already voided',
      rect: {
        fix: 'Only an open item can be marked fixed',
        accept: 'The owner accepts an item once it is fixed',
        reopen: 'Only a fixed item can be reopened',
      },
      receivedTwice: '{{department}} has already received it',
    },
    error: {
      notNotHandedOver: 'This unit is already handed over ({{state}})',
      openRecord: 'This unit already has move-in {{number}}',
      noArea: 'The unit has no floor area: the property fee cannot be computed',
      keysNotSigned: 'The key list must be signed by the owner (on screen or on paper)',
      itemsMissing: '{{count}} inspection items have no result',
      criticalOpen: '{{count}} critical defects are not accepted: the unit cannot be handed over unless the owner accepts them in writing',
      notHandedOver: 'The unit is not handed over yet: nobody can move in',
      alreadyRented: 'The unit already has an active tenancy',
      importHasErrors: '{{count}} rows have errors: fix the file, or import only the valid rows',
      batchCommitted: 'This batch is already imported',
    },
    v: {
      fen: 'Enter a valid amount',
      seen: 'Tick once checked',
      owner: 'Pick or register the owner',
      notOwner: 'This person is not an owner of the unit',
      mobile: 'Enter a mobile number',
      birthday: "Enter the owner's birthday",
      defectNote: 'Describe the defect',
      ownerOpinion: "Record the owner's opinion",
      pledge: 'The tenant must sign the safety-responsibility pledge',
      ownerNotAgreed: 'The owner did not agree to the tenant moving in',
      outsideLease: 'The moving-in date must fall within the lease',
      registerScope: 'Pick one building or one batch of notices',
      beforeHandover: 'The moving-in date cannot be before the handover',
      unknownUnit: 'No unit {{code}}',
      unitHandedOver: 'Unit {{code}} is already handed over',
      duplicateInFile: 'Same unit as line {{line}}',
      noticeExists: 'Unit {{code}} already has a move-in notice',
      noticeNotFound: 'No such move-in notice',
    },
    import: {
      noHeader: 'No header row found: the columns unit, owner and move-in date are needed',
    },
    tile: {
      progress: { title: 'Handover progress', handedOver: 'Handed over', notHandedOver: 'Not handed over', inProgress: 'In progress', waiting: 'Waiting' },
      rectifications: { title: 'Move-in rectification items', open: 'Open', overdue: 'Overdue', fixed: 'Awaiting the owner' },
    },
    today: {
      waiting: 'Owners expected for move-in',
      overdue: 'Rectification items overdue',
      notReceived: 'Moving-in notices awaiting receipts',
    },
  },
} satisfies Pick<Messages, 'movein'>;

export default moveIn;
