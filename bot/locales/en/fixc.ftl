# A scheduled post that could not be built: sent to the heads once.
post-render-failed = ⚠️ The “{ $post }” post for { $date } could not be prepared because of an error in the bot, so it was not sent and will not be retried. The error is logged (entry no. { $post_id }); please pass this number to the bot's administrator.
