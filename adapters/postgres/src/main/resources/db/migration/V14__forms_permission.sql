-- 様式の設計・公開 is a new permission; the standard administrator role gets it, as in a new installation.
UPDATE staff_role
   SET permissions = array_append(permissions, 'FORMS')
 WHERE name = 'ADMINISTRATOR' AND NOT ('FORMS' = ANY (permissions));
