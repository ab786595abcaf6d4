## Disputes over payslip lines

dispute-line-salary = Salary
dispute-line-bonus = Bonus
dispute-line-super_bonus = Super bonus
dispute-line-kpi_target = KPI premium
dispute-line-kpi_criterion = KPI criterion
dispute-line-adjustment = Adjustment
dispute-line-deduction = Deduction

dispute-button = Dispute: { $title }
dispute-button-cancel = Cancel
dispute-button-resolve = Answer and close
dispute-button-correct = Corrected

dispute-status-open = under review
dispute-status-resolved = closed with an answer
dispute-status-corrected = pay corrected

dispute-ask-reason =
    You are disputing a payslip line for { $month }:
    { $line }
    Write in one message what you disagree with. The head receives your text together with this line.
dispute-sent = Dispute No. { $number } was sent to the head. The answer will arrive here; /disputes shows the status.
dispute-cancelled = All right, nothing was sent.
dispute-expired-alert = This button no longer works.

dispute-notice =
    <b>Dispute No. { $number }</b>: { $name } disputes a payslip line for { $month }:
    { $line }
    Reason: { $reason }
dispute-ask-answer = Write your answer to dispute No. { $number } ({ $name }). The manager receives it with the status “{ $status }”.
dispute-answer-sent = Answer sent. Dispute No. { $number }: { $status }.
dispute-outcome =
    The head reviewed your dispute No. { $number } about a payslip line for { $month }:
    { $line }
    Status: { $status }.
    Answer: { $answer }

dispute-error-not-manager = Only the manager whose payslip it is can dispute a line.
dispute-error-stale = This payslip line has changed or a new month has begun. Open /me and press a button under the fresh payslip.
dispute-error-already-open = You already have open dispute No. { $number } about this line. Wait for the head's answer; /disputes shows the status.
dispute-error-text-only = Please write it as text in one message. Changed your mind? Press “Cancel”.
dispute-error-too-long = The text is too long: { $length } { $length ->
        [one] character
       *[other] characters
    }, at most { $max } allowed. Shorten it and send it again.
dispute-error-head-only = Only the team's head or the head of the manager's department can answer this dispute.
dispute-error-not-found = Dispute not found. Open disputes are in /disputes.
dispute-error-closed = Dispute No. { $number } is already closed: { $status ->
        [resolved] closed with an answer
        [corrected] pay corrected
       *[open] under review
    }.

disputes-header-head = <b>Open payslip disputes</b>
disputes-header-manager = <b>Your payslip disputes</b>
disputes-item-head = <b>No. { $number }</b> of { $date } · { $name } · { $month }
disputes-item-manager = <b>No. { $number }</b> of { $date } · { $month } — { $status }
disputes-reason = Reason: { $reason }
disputes-answer = Head's answer: { $answer }
disputes-answer-prompt = Dispute No. { $number } ({ $name }): choose how to close it, then write your answer.
disputes-empty-head = No open disputes.
disputes-empty-manager = You have not disputed anything yet. The “Dispute” buttons are under the payslip in /me.
disputes-error-private-only = Payslip disputes are shown in the private chat only: send me /disputes there.
disputes-error-role = /disputes is for managers, department heads and the team's head.
