command-unknown = I do not know the command { $command }. All commands: /help.
command-unknown-form-waits = Your report is not sent yet: type a number for the current step or press “Cancel”.
