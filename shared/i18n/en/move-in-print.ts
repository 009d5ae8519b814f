/** Move-in printing: the handover register (A4 landscape) printed from the register page. */
const moveInPrint = {
  moveinPrint: {
    register: {
      button: 'Print register',
      title: 'Print the handover register',
      rendering: 'Making the register of {{formatted}} units…',
      ready: '{{formatted}} units, A4 landscape.',
      again: 'Make again',
    },
  },
};

export default moveInPrint;
