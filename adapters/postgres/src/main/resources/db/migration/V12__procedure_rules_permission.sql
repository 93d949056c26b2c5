-- 関連手続の規則の管理 is a new permission. Installations whose standard administrator role already exists get it
-- there, as a new installation does; roles a city made itself are left to the city (職員と役割).
UPDATE staff_role
   SET permissions = array_append(permissions, 'PROCEDURE_RULES')
 WHERE name = 'ADMINISTRATOR' AND NOT ('PROCEDURE_RULES' = ANY (permissions));
